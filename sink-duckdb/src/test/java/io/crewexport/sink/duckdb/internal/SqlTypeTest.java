package io.crewexport.sink.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.schema.ColumnType;
import org.junit.jupiter.api.Test;

final class SqlTypeTest {

  @Test
  void mapsEveryReportType() {
    assertThat(ColumnType.values())
        .extracting(SqlType::of)
        .containsExactly(
            SqlType.VARCHAR, SqlType.BIGINT, SqlType.DOUBLE, SqlType.BOOLEAN, SqlType.DATE);
  }

  @Test
  void readsCatalogNamesAndCallsTheRestOther() {
    assertThat(SqlType.fromCatalog("TIMESTAMP WITH TIME ZONE")).isEqualTo(SqlType.TIMESTAMPTZ);
    assertThat(SqlType.fromCatalog("BIGINT")).isEqualTo(SqlType.BIGINT);
    assertThat(SqlType.fromCatalog("INTEGER")).isEqualTo(SqlType.OTHER);
  }

  @Test
  void widensWholeNumbersToDecimalsAndAnyOtherMixToText() {
    assertThat(SqlType.BIGINT.widen(SqlType.DOUBLE)).isEqualTo(SqlType.DOUBLE);
    assertThat(SqlType.DOUBLE.widen(SqlType.BIGINT)).isEqualTo(SqlType.DOUBLE);
    assertThat(SqlType.DATE.widen(SqlType.DATE)).isEqualTo(SqlType.DATE);
    assertThat(SqlType.BOOLEAN.widen(SqlType.BIGINT)).isEqualTo(SqlType.VARCHAR);
    assertThat(SqlType.OTHER.widen(SqlType.DATE)).isEqualTo(SqlType.VARCHAR);
    assertThat(SqlType.VARCHAR.widen(SqlType.DOUBLE)).isEqualTo(SqlType.VARCHAR);
  }
}
