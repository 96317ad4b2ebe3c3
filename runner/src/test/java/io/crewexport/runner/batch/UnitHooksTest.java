package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.ContentType;
import io.crewexport.CrewexportException;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.runner.config.PeriodSpec;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.runner.config.ReportConfig.ColumnAction;
import io.crewexport.runner.plan.ExportUnit;
import io.crewexport.runner.progress.ProgressBoard;
import io.crewexport.runner.state.ReportState;
import io.crewexport.runner.state.StoredColumn;
import io.crewexport.schema.ColumnType;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.TypeInference;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class UnitHooksTest {
  private static final Period YEAR = Period.parse("2024-01-01", "2024-12-31");

  /** Earlier exports named {@code Start Date} start_date, before names avoided partition keys. */
  private static final ReportState STORED =
      new ReportState(
          List.of(
              new StoredColumn("id", "id", ColumnType.BIGINT),
              new StoredColumn("start_date", "Start Date", ColumnType.TEXT)),
          Map.of());

  @Test
  void checksColumnRulesAgainstTheNamesEarlierExportsGave() {
    EvolvedSchema evolved =
        hooks(Map.of("start_date", ColumnAction.DROP)).evolve(request(), body());

    assertThat(evolved.schema().names()).containsExactly("id", "start_date");
    assertThatThrownBy(
            () -> hooks(Map.of("start_date_2", ColumnAction.DROP)).evolve(request(), body()))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("the column rule 'start_date_2: drop' names no column");
  }

  private static io.crewexport.schema.InferredSchema body() {
    // Inference alone would name the heading start_date_2, clear of the partition key.
    return new TypeInference(List.of("id", "Start Date")).result();
  }

  private static UnitHooks hooks(Map<String, ColumnAction> columns) {
    ReportConfig report =
        new ReportConfig(
            "r1",
            "acme",
            PeriodSpec.parse("2024-01-01..2024-12-31"),
            null,
            null,
            ContentType.CSV,
            List.of("csv"),
            Map.of(),
            columns,
            Map.of(),
            null,
            null);
    ExportUnit unit = new ExportUnit("acme", report, request(), List.of("csv"), "/lake", Map.of());
    return new UnitHooks(
        unit, STORED, null, LocalDate.of(2024, 12, 31), new ProgressBoard().start("r1"));
  }

  private static ReportRequest request() {
    return new ReportRequest("r1", YEAR, ContentType.CSV);
  }
}
