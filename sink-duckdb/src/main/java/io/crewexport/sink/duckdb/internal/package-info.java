/** How the DuckDB sink works inside; not a supported API, and it may change in any release. */
package io.crewexport.sink.duckdb.internal;
