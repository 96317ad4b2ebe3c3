package io.crewexport.sink.parquet;

import io.crewexport.testing.DuckDb;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a Parquet file's footer with DuckDB, as a user would. */
final class Footers {
  private Footers() {}

  /** The footer's key-value metadata under {@code crewexport.} keys. */
  static Map<String, String> crewexportMetadata(String file) {
    DuckDb.Table table =
        DuckDb.query(
            "SELECT decode(key), decode(value) FROM parquet_kv_metadata('"
                + file
                + "') WHERE decode(key) LIKE 'crewexport.%'");
    Map<String, String> metadata = new TreeMap<>();
    for (List<Object> row : table.rows()) {
      metadata.put((String) row.get(0), (String) row.get(1));
    }
    return metadata;
  }

  /** The distinct compression codecs of the file's column chunks. */
  static List<Object> codecs(String file) {
    return column("SELECT DISTINCT compression FROM parquet_metadata('" + file + "') ORDER BY 1");
  }

  /** The number of row groups in the file. */
  static long rowGroups(String file) {
    return (Long)
        column("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')").get(0);
  }

  private static List<Object> column(String sql) {
    return DuckDb.query(sql).rows().stream().map(row -> row.get(0)).toList();
  }
}
