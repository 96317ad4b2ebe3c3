/**
 * The DuckDB sink: {@link io.crewexport.sink.duckdb.DuckDbSink} writes each report into a table of
 * a DuckDB file, {@link io.crewexport.sink.duckdb.DuckDbSinkModule} binds it for Guice, and {@link
 * io.crewexport.sink.duckdb.DuckDbSinkConfig} reads its options.
 */
package io.crewexport.sink.duckdb;
