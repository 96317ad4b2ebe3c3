package io.crewexport.schema;

import java.util.List;

/** One export's rows, inferred as the exporter does. */
final class Exports {
  private Exports() {}

  static InferredSchema infer(List<String> headings, String[]... rows) {
    return infer(SchemaPolicy.INFER, headings, rows);
  }

  static InferredSchema infer(SchemaPolicy policy, List<String> headings, String[]... rows) {
    TypeInference inference = new TypeInference(headings, policy);
    for (String[] row : rows) {
      inference.accept(row);
    }
    return inference.result();
  }

  static String[] row(String... cells) {
    return cells;
  }

  static ColumnType typeOf(ReportSchema schema, String name) {
    return schema.columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .type();
  }
}
