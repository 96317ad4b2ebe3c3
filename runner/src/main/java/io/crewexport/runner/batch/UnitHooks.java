package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.export.ExportHooks;
import io.crewexport.export.RowTransform;
import io.crewexport.runner.config.ReportConfig;
import io.crewexport.runner.plan.ExportUnit;
import io.crewexport.runner.progress.ProgressBoard;
import io.crewexport.runner.state.Committed;
import io.crewexport.runner.state.ReportState;
import io.crewexport.runner.state.StoredColumn;
import io.crewexport.schema.Column;
import io.crewexport.schema.EvolvedSchema;
import io.crewexport.schema.InferredColumn;
import io.crewexport.schema.InferredSchema;
import io.crewexport.schema.ReportSchema;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.SchemaPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Steers one export of a batch: types columns with the report's pins and the schema its earlier
 * exports wrote (types only widen), refuses a body that is empty or far smaller than the last good
 * export of the same period, and applies the report's column transforms, refusing a body that lacks
 * a column a transform names.
 *
 * <p>Options: {@code allow-empty=true} commits an empty report; {@code allow-shrink=true} commits
 * one of any size; {@code min-rows-ratio} (default 0.5) is the share of the last good row count
 * below which a report counts as shrunk.
 */
final class UnitHooks implements ExportHooks {
  static final String ALLOW_EMPTY = "allow-empty";
  static final String ALLOW_SHRINK = "allow-shrink";
  static final String MIN_ROWS_RATIO = "min-rows-ratio";

  private final ExportUnit unit;
  private final ReportState state;
  private final String salt;
  private final LocalDate snapshotDate;
  private final ProgressBoard.Entry progress;

  UnitHooks(
      ExportUnit unit,
      ReportState state,
      String salt,
      LocalDate snapshotDate,
      ProgressBoard.Entry progress) {
    this.unit = unit;
    this.progress = progress;
    this.state = state;
    this.salt = salt;
    this.snapshotDate = snapshotDate;
  }

  @Override
  public SchemaPolicy policy(ReportRequest request) {
    ReportConfig report = unit.report();
    return new SchemaPolicy(report.pins(), Boolean.TRUE.equals(report.allText()));
  }

  /**
   * Widens from the schema the report's earlier exports wrote, so all partitions read together.
   * Called before any sink opens, it first checks that every column rule names a column of the
   * body.
   */
  @Override
  public EvolvedSchema evolve(ReportRequest request, InferredSchema inferred) {
    EvolvedSchema evolved;
    if (state.schema().isEmpty()) {
      evolved = SchemaEvolution.first(inferred);
    } else {
      ReportSchema stored =
          new ReportSchema(state.schema().stream().map(StoredColumn::toColumn).toList());
      evolved = SchemaEvolution.evolve(stored, inferred);
    }
    // Rules apply to the names the columns are written under, which earlier exports may have
    // decided; of those, only the columns this body sends can be hashed or dropped.
    Set<String> sent =
        inferred.columns().stream().map(InferredColumn::heading).collect(Collectors.toSet());
    List<Column> present =
        evolved.schema().columns().stream()
            .filter(column -> sent.contains(column.heading()))
            .toList();
    ColumnRuleCheck.requireMatches(unit.describe(), unit.report().columns(), present);
    return evolved;
  }

  @Override
  public void check(ReportRequest request, ReportSchema schema, long rows) {
    if (rows == 0 && !flag(ALLOW_EMPTY)) {
      throw suspicious("the report came back with no rows", "option " + ALLOW_EMPTY + ": \"true\"");
    }
    long last = lastGoodRows(request.period());
    double ratio = Double.parseDouble(unit.options().getOrDefault(MIN_ROWS_RATIO, "0.5"));
    if (rows < last * ratio && !flag(ALLOW_SHRINK)) {
      throw suspicious(
          "the report came back with "
              + rows
              + " rows where the last good export of this period"
              + " had "
              + last,
          "option " + ALLOW_SHRINK + ": \"true\"");
    }
  }

  @Override
  public void downloaded(long bytes) {
    progress.downloaded(bytes);
  }

  @Override
  public void written(long rows) {
    progress.written(rows);
  }

  @Override
  public RowTransform transform(ReportRequest request, ReportSchema schema) {
    return ColumnTransforms.of(schema, unit.report().columns(), salt);
  }

  private long lastGoodRows(Period period) {
    return state.committed().values().stream()
        .flatMap(List::stream)
        .filter(c -> c.covers(period, snapshotDate))
        .mapToLong(Committed::rows)
        .max()
        .orElse(0);
  }

  private boolean flag(String key) {
    return Boolean.parseBoolean(unit.options().getOrDefault(key, "false"));
  }

  private CrewexportException suspicious(String what, String override) {
    return new CrewexportException(
        ErrorCode.SUSPICIOUS_REPORT,
        unit.describe()
            + ": "
            + what
            + "; nothing was committed, so the earlier export stays."
            + " If the report really is this small, run it again with the report's "
            + override
            + ".");
  }
}
