package io.crewexport.schema;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.TEXT;
import static io.crewexport.schema.Exports.typeOf;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.testing.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two exports of one report, read from CSV as the exporter reads them: the vendor's sample, then a
 * later body in which dates arrive in a column that held only 0, a date column gets text, a column
 * is gone and one is new.
 */
final class TwoExportsTest {
  @TempDir Path folder;

  @Test
  void keepsTheZeroOnlyColumnBigintWidensTheRestAndConvertsBothExports() throws IOException {
    Path sample = Samples.vendorSampleFile(folder);
    EvolvedSchema first = SchemaEvolution.first(infer(sample));
    assertThat(typeOf(first.schema(), "last_access")).isEqualTo(BIGINT);
    assertThat(typeOf(first.schema(), "employment_start")).isEqualTo(DATE);

    Path later = laterExport(sample);
    EvolvedSchema second = SchemaEvolution.evolve(first.schema(), infer(later));

    assertThat(typeOf(second.schema(), "last_access")).isEqualTo(BIGINT);
    assertThat(typeOf(second.schema(), "employment_start")).isEqualTo(TEXT);
    assertThat(second.schema().names())
        .endsWith("sparkle_factor", "d_o_b", "security_training", "location");
    assertThat(second.drift().summary())
        .isEqualTo(
            "schema "
                + first.schema().fingerprint()
                + " -> "
                + second.schema().fingerprint()
                + ": added 1 (location TEXT); removed 1 (sparkle_factor);"
                + " widened 1 (employment_start DATE -> TEXT)");
    assertThat(second.drift().notices())
        .anySatisfy(n -> assertThat(n).contains("suggest pinning column last_access to DATE"));

    Object[] values = firstRow(later, second.converter());
    int lastAccess = second.schema().names().indexOf("last_access");
    int start = second.schema().names().indexOf("employment_start");
    int sparkle = second.schema().names().indexOf("sparkle_factor");
    assertThat(values[lastAccess]).isEqualTo(20240131L);
    assertThat(values[start]).isEqualTo("2013-08-12");
    assertThat(values[sparkle]).isNull();
    assertThat(values[values.length - 1]).isEqualTo("Wellington");
  }

  private static InferredSchema infer(Path body) {
    try (ReportReader reader = new CsvReportReader(body, UTF_8, "oneonone.summary")) {
      TypeInference inference = new TypeInference(reader.headings());
      for (String[] row; (row = reader.next()) != null; ) {
        inference.accept(row);
      }
      return inference.result();
    }
  }

  private static Object[] firstRow(Path body, RowConverter converter) {
    try (ReportReader reader = new CsvReportReader(body, UTF_8, "oneonone.summary")) {
      return converter.convert(reader.next());
    }
  }

  /** The sample's rows, one changed, without "Sparkle Factor" and with a new "Location". */
  private Path laterExport(Path sample) throws IOException {
    List<String> headings;
    List<String[]> rows = new ArrayList<>();
    try (ReportReader reader = new CsvReportReader(sample, UTF_8, "sample")) {
      headings = reader.headings();
      for (String[] row; (row = reader.next()) != null; ) {
        rows.add(row);
      }
    }
    int sparkle = headings.indexOf("Sparkle Factor");
    rows.get(0)[headings.indexOf("Last Access")] = "20240131";
    rows.get(0)[headings.indexOf("Employment Start")] = "2013-08-12";
    Path later = folder.resolve("later.csv");
    try (CsvWriter writer = CsvWriter.builder().build(later)) {
      writer.writeRecord(withLocation(headings, sparkle, "Location"));
      for (String[] row : rows) {
        writer.writeRecord(withLocation(Arrays.asList(row), sparkle, "Wellington"));
      }
    }
    return later;
  }

  private static List<String> withLocation(List<String> cells, int without, String location) {
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (i != without) {
        changed.add(cells.get(i) == null ? "" : cells.get(i));
      }
    }
    changed.add(location);
    return changed;
  }
}
