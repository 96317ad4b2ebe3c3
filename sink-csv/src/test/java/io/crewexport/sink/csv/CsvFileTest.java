package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link CsvFile} writes, byte for byte, what FastCSV's writer wrote for the sink before it. */
final class CsvFileTest {
  private static final String LONG = "x".repeat(CsvOutput.BUFFER_BYTES);

  private static final Object[] TEXTS = {
    null,
    "",
    "plain",
    "#comment",
    "# ",
    "a,b",
    ",",
    "\"",
    "say \"hi\"",
    "\"\"",
    "line\r\nbreak",
    "cr\ronly",
    "lf\nonly",
    "\r\n",
    "tab\there",
    " padded ",
    "Zoë Ångström",
    "李小龍 🚀",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀, \"quoted\"",
    "\u0000nul",
    "\u007f\u0080\u07ff\u0800\uffff",
    "lone high \ud83d",
    "\ud83d",
    "\ude00 lone low",
    "high then ascii \ud83dx",
    "two highs \ud83d\ud83d\ude00",
    "=SUM(A1)",
    "'quote",
    "ü#"
  };

  // Longer than the buffer, or than it surely holds once encoded.
  private static final Object[] LONG_TEXTS = {
    LONG, LONG + ",", "#" + LONG, "\"" + LONG + "ü\r\n", "😀".repeat(CsvOutput.BUFFER_BYTES / 3)
  };

  private static final Object[] LONGS = {
    null, 0L, 7L, -1L, 10L, 1_000_003L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1
  };

  private static final Object[] DOUBLES = {
    null,
    0.0,
    -0.0,
    4.5,
    -0.125,
    12345678.9,
    1.0e7,
    0.001,
    1e-8,
    1e21,
    9.99e20,
    2.5e-7,
    1.0 / 3,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    -1.25e-5,
    123456789012345678.0
  };

  private static final Object[] BOOLEANS = {null, true, false};

  private static final Object[] DATES = {
    null,
    LocalDate.of(2024, 1, 31),
    LocalDate.of(1999, 12, 31),
    LocalDate.of(2024, 2, 29),
    LocalDate.of(0, 1, 1),
    LocalDate.of(7, 7, 7),
    LocalDate.of(999, 10, 9),
    LocalDate.of(1000, 1, 1),
    LocalDate.of(9999, 12, 31),
    LocalDate.of(10000, 1, 1),
    LocalDate.of(-1, 1, 1),
    LocalDate.of(-12345, 6, 7),
    LocalDate.MIN,
    LocalDate.MAX
  };

  private static final ColumnType[] TYPES = {
    ColumnType.TEXT,
    ColumnType.BIGINT,
    ColumnType.TEXT,
    ColumnType.DOUBLE,
    ColumnType.BOOLEAN,
    ColumnType.DATE,
    ColumnType.TEXT
  };

  private static final ReportSchema SCHEMA = schema();

  @Test
  void writesWhatFastCsvWroteForHostileValuesOfEveryType() throws IOException {
    List<Row> rows = hostileRows();

    assertThat(ours(rows, CsvOptions.Header.HEADINGS, false))
        .isEqualTo(FastCsvReference.write(SCHEMA.headings(), rows, false));
  }

  @Test
  void writesWhatFastCsvWroteWithNamesInTheHeader() throws IOException {
    List<Row> rows = hostileRows().subList(0, 100);

    assertThat(ours(rows, CsvOptions.Header.NAMES, false))
        .isEqualTo(FastCsvReference.write(SCHEMA.names(), rows, false));
  }

  @Test
  void compressesToTheBytesFastCsvCompressedTo() throws IOException {
    List<Row> rows = hostileRows();

    assertThat(ours(rows, CsvOptions.Header.HEADINGS, true))
        .isEqualTo(FastCsvReference.write(SCHEMA.headings(), rows, true));
  }

  @Test
  void writesRowsWhoseOnlyFieldIsMissingOrEmpty() throws IOException {
    ReportSchema single = new ReportSchema(List.of(new Column("#One", "one", ColumnType.TEXT)));
    List<Row> rows = List.of(Row.of((Object) null), Row.of(""), Row.of("#"), Row.of((Object) null));

    byte[] ours = ours(single, rows, new CsvOptions(CsvOptions.Header.HEADINGS, false));

    assertThat(ours)
        .isEqualTo(FastCsvReference.write(single.headings(), rows, false))
        .asString()
        .isEqualTo("\"#One\"\r\n\r\n\"\"\r\n\"#\"\r\n\r\n");
  }

  private static byte[] ours(List<Row> rows, CsvOptions.Header header, boolean gzip)
      throws IOException {
    return ours(SCHEMA, rows, new CsvOptions(header, gzip));
  }

  private static byte[] ours(ReportSchema schema, List<Row> rows, CsvOptions options)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvFile file = CsvFile.start(bytes, schema, options);
    for (Row row : rows) {
      file.write(row);
    }
    file.finish();
    return bytes.toByteArray();
  }

  /**
   * Every hostile value in every column of its type, then random mixes of them, enough to fill the
   * buffer many times over so fields straddle its end.
   */
  private static List<Row> hostileRows() {
    List<Row> rows = new ArrayList<>();
    for (int column = 0; column < TYPES.length; column++) {
      List<Object> every = new ArrayList<>(Arrays.asList(pool(TYPES[column])));
      if (TYPES[column] == ColumnType.TEXT) {
        every.addAll(Arrays.asList(LONG_TEXTS));
      }
      for (Object value : every) {
        Object[] values = new Object[TYPES.length];
        values[column] = value;
        rows.add(Row.wrap(values));
      }
    }
    SplittableRandom random = new SplittableRandom(4180);
    for (int i = 0; i < 20_000; i++) {
      Object[] values = new Object[TYPES.length];
      for (int column = 0; column < TYPES.length; column++) {
        // Long texts are rare, so the buffer holds many rows between them.
        Object[] pool =
            TYPES[column] == ColumnType.TEXT && random.nextInt(500) == 0
                ? LONG_TEXTS
                : pool(TYPES[column]);
        values[column] = pool[random.nextInt(pool.length)];
      }
      rows.add(Row.wrap(values));
    }
    return rows;
  }

  private static Object[] pool(ColumnType type) {
    return switch (type) {
      case TEXT -> TEXTS;
      case BIGINT -> LONGS;
      case DOUBLE -> DOUBLES;
      case BOOLEAN -> BOOLEANS;
      case DATE -> DATES;
    };
  }

  private static ReportSchema schema() {
    String[] headings = {"#Name", "Employee ID", "Name", "Score, \"raw\"", "Active?", "Día", ""};
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < TYPES.length; i++) {
      columns.add(new Column(headings[i], "column_" + i, TYPES[i]));
    }
    return new ReportSchema(columns);
  }
}
