package io.crewexport.spi.files;

import static io.crewexport.schema.ColumnType.BIGINT;
import static io.crewexport.schema.ColumnType.BOOLEAN;
import static io.crewexport.schema.ColumnType.DATE;
import static io.crewexport.schema.ColumnType.DOUBLE;
import static io.crewexport.schema.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.Column;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WideningTest {
  private static final ReportSchema NARROW =
      new ReportSchema(
          List.of(
              new Column("A", "a", BIGINT),
              new Column("B", "b", BIGINT),
              new Column("C", "c", DOUBLE),
              new Column("D", "d", DATE),
              new Column("E", "e", BOOLEAN)));

  @Test
  void convertsEachValueToItsWiderType() {
    ReportSchema wide =
        new ReportSchema(
            List.of(
                new Column("A", "a", DOUBLE),
                new Column("B", "b", TEXT),
                new Column("C", "c", TEXT),
                new Column("D", "d", TEXT),
                new Column("E", "e", TEXT)));

    Row row =
        Widening.between(NARROW, wide)
            .apply(Row.of(7L, -12L, 2.5, LocalDate.of(2024, 1, 31), true));

    assertThat(row).isEqualTo(Row.of(7.0, "-12", "2.5", "2024-01-31", "true"));
    assertThat(Widening.convert(3.0, DOUBLE, TEXT)).isEqualTo("3.0");
    assertThat(Widening.convert(1e22, DOUBLE, TEXT)).isEqualTo("10000000000000000000000.0");
    assertThat(Widening.convert(null, BIGINT, TEXT)).isNull();
  }

  @Test
  void columnsTheFileLacksAreNullAndColumnsMoveByName() {
    ReportSchema wide =
        new ReportSchema(
            List.of(
                new Column("New", "n", TEXT),
                new Column("E", "e", BOOLEAN),
                new Column("D", "d", DATE),
                new Column("C", "c", DOUBLE),
                new Column("B", "b", BIGINT),
                new Column("A", "a", BIGINT)));

    Row row = Widening.between(NARROW, wide).apply(Row.of(1L, 2L, 3.5, null, false));

    assertThat(row).isEqualTo(Row.of(null, false, null, 3.5, 2L, 1L));
  }

  @Test
  void noRewriteForTheSameSchemaOrOneThatWouldLoseData() {
    assertThat(Widening.between(NARROW, NARROW)).isNull();
    ReportSchema fewer = new ReportSchema(NARROW.columns().subList(0, 4));
    assertThat(Widening.between(NARROW, fewer)).isNull();
    ReportSchema narrower =
        new ReportSchema(
            List.of(
                new Column("A", "a", BIGINT),
                new Column("B", "b", BIGINT),
                new Column("C", "c", BIGINT),
                new Column("D", "d", DATE),
                new Column("E", "e", BOOLEAN)));
    assertThat(Widening.between(NARROW, narrower)).isNull();
  }
}
