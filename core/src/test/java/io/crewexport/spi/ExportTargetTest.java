package io.crewexport.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ExportTargetTest {
  @Test
  void foldsAReportIdIntoATableNameAsItAlwaysDid() {
    assertThat(ExportTarget.tableNameOf("oneonone.summary")).isEqualTo("oneonone_summary");
    assertThat(ExportTarget.tableNameOf("r-1")).isEqualTo("r_1");
    // Column names avoid the partition keys; table names need not, and must not change.
    assertThat(ExportTarget.tableNameOf("snapshot.date")).isEqualTo("snapshot_date");
    assertThat(ExportTarget.tableNameOf("start-date")).isEqualTo("start_date");
    assertThat(ExportTarget.tableNameOf("end_date")).isEqualTo("end_date");
  }
}
