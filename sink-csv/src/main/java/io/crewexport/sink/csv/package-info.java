/**
 * Writes reports as partitioned CSV files on the local file system.
 *
 * <p>{@link io.crewexport.sink.csv.CsvSink} is the sink; {@link
 * io.crewexport.sink.csv.CsvSinkModule} binds it for Guice. Every other class here is an
 * implementation detail.
 */
package io.crewexport.sink.csv;
