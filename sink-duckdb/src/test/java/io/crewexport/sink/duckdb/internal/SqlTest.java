package io.crewexport.sink.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SqlTest {

  @Test
  void quotesEveryIdentifierAndDoublesEmbeddedQuotes() {
    assertThat(Sql.identifier("select")).isEqualTo("\"select\"");
    assertThat(Sql.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(Sql.table("main", "oneonone_summary")).isEqualTo("\"main\".\"oneonone_summary\"");
  }

  @Test
  void escapesLiteralsAndDropsNulThatWouldEndTheStatement() {
    assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    assertThat(Sql.literal("'; DROP TABLE x; --")).isEqualTo("'''; DROP TABLE x; --'");
    assertThat(Sql.literal("a\u0000b")).isEqualTo("'ab'");
  }
}
