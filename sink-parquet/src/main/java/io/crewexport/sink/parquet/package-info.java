/**
 * Writes reports as partitioned Parquet files on any Hadoop file system: local folders, {@code
 * hdfs://}, {@code s3a://}.
 *
 * <p>{@link io.crewexport.sink.parquet.ParquetSink} is the sink; {@link
 * io.crewexport.sink.parquet.ParquetSinkModule} binds it for Guice. Every other class here is an
 * implementation detail.
 */
package io.crewexport.sink.parquet;
