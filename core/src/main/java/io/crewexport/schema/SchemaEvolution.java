package io.crewexport.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the schema an export writes with, from what inference learnt now and the schema stored by
 * the report's earlier exports, so that all partitions of a report read together.
 *
 * <pre>{@code
 * EvolvedSchema evolved = stored.isPresent()
 *     ? SchemaEvolution.evolve(stored.get(), inference.result())
 *     : SchemaEvolution.first(inference.result());
 * log.info(evolved.drift().summary());
 * Row row = Row.wrap(evolved.converter().convert(cells));
 * }</pre>
 *
 * <p>The rules. Columns are matched across exports by heading, then by safe name (see {@code
 * named}). A stored column keeps its type while this export's values fit it, even when they look
 * like something narrower (a BIGINT column that held only {@code 0} stays BIGINT when dates arrive:
 * the numbers hold them exactly, and the drift suggests a pin); when they do not fit, it widens
 * (BIGINT to DOUBLE to TEXT; DATE and BOOLEAN to TEXT), never narrows. New columns get their
 * inferred type and go at the end; stored columns the vendor no longer sends stay, written empty. A
 * pin beats the stored type (that is what a pin is for), widened only if a value does not fit it;
 * the all-text switch makes every column that is not pinned TEXT.
 *
 * <p>A report whose earlier exports wrote a column named as a {@linkplain
 * ColumnNames#PARTITION_KEYS partition key} (before names avoided them) keeps that name, so its
 * columns still match; the drift says how to read it and how to move to the new name.
 */
public final class SchemaEvolution {
  private SchemaEvolution() {}

  /** The schema of a report's first export: inferred types, the policy applied. */
  public static EvolvedSchema first(InferredSchema now) {
    return evolve(Optional.empty(), requireNonNull(now, "now"));
  }

  /** The schema for an export of a report whose earlier exports wrote {@code stored}. */
  public static EvolvedSchema evolve(ReportSchema stored, InferredSchema now) {
    return evolve(Optional.of(requireNonNull(stored, "stored")), requireNonNull(now, "now"));
  }

  private static EvolvedSchema evolve(Optional<ReportSchema> stored, InferredSchema given) {
    InferredSchema now = stored.map(schema -> named(given, schema)).orElse(given);
    Set<String> kept = new HashSet<>(stored.map(ReportSchema::names).orElse(List.of()));
    kept.retainAll(ColumnNames.PARTITION_KEYS);
    Map<String, Integer> unmatched = new LinkedHashMap<>();
    for (int i = 0; i < now.columns().size(); i++) {
      unmatched.put(now.columns().get(i).name(), i);
    }
    Draft draft = new Draft(now.policy());
    for (Column column : stored.map(ReportSchema::columns).orElse(List.of())) {
      Integer source = unmatched.remove(column.name());
      if (source == null) {
        draft.keepVanished(column);
      } else {
        draft.keep(column, now.columns().get(source), source);
      }
    }
    unmatched.forEach((name, source) -> draft.add(now.columns().get(source), source));
    now.columns().stream()
        .filter(column -> kept.contains(column.name()))
        .forEach(column -> draft.notices.add(Notices.partitionKeyKept(column)));
    now.policy()
        .unusedPins(now.columns())
        .forEach(pin -> draft.notices.add("The pin '" + pin + "' names no column of this report."));
    return draft.build(stored.map(ReportSchema::fingerprint));
  }

  /**
   * {@code now} with its columns named against the earlier exports': a column keeps the name of the
   * stored column of the same heading (in turn, for a heading that repeats); another column takes
   * the name its heading makes if that names a stored column no heading claimed (the vendor respelt
   * the heading, {@code Active Division Teams} with two spaces to one), else a new name clear of
   * every stored one. So a new heading whose name is a present column's ({@code A-B} beside the
   * {@code A B} that is {@code a_b}) gets {@code a_b_2} instead of taking it over.
   */
  private static InferredSchema named(InferredSchema now, ReportSchema stored) {
    Map<String, Deque<String>> namesOfHeading = new HashMap<>();
    for (Column column : stored.columns()) {
      namesOfHeading.computeIfAbsent(column.heading(), h -> new ArrayDeque<>()).add(column.name());
    }
    List<String> names = new ArrayList<>();
    Set<String> unclaimed = new HashSet<>(stored.names());
    for (InferredColumn column : now.columns()) {
      Deque<String> earlier = namesOfHeading.get(column.heading());
      String name = earlier == null ? null : earlier.poll();
      names.add(name);
      unclaimed.remove(name);
    }
    Set<String> taken = new HashSet<>(ColumnNames.PARTITION_KEYS);
    taken.addAll(stored.names());
    List<InferredColumn> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      InferredColumn column = now.columns().get(i);
      String name = names.get(i);
      if (name == null) {
        String base = ColumnNames.base(column.heading(), i + 1);
        name = base;
        for (int n = 2; !unclaimed.remove(name) && !taken.add(name); n++) {
          name = base + "_" + n;
        }
      }
      columns.add(new InferredColumn(column.heading(), name, column.fit()));
    }
    return new InferredSchema(columns, now.policy());
  }

  /** The schema being decided, column by column, and what to say about it. */
  private static final class Draft {
    private final SchemaPolicy policy;
    private final List<Column> columns = new ArrayList<>();
    private final List<Integer> sources = new ArrayList<>();
    private final List<Column> added = new ArrayList<>();
    private final List<Column> removed = new ArrayList<>();
    private final List<TypeChange> widened = new ArrayList<>();
    private final List<TypeChange> retyped = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    Draft(SchemaPolicy policy) {
      this.policy = policy;
    }

    void keepVanished(Column stored) {
      columns.add(stored);
      sources.add(-1);
      removed.add(stored);
    }

    void keep(Column stored, InferredColumn now, int source) {
      ColumnType type = decide(now, Optional.of(stored.type()));
      if (type != stored.type()) {
        TypeChange change = new TypeChange(stored.name(), stored.type(), type);
        (type.holds(stored.type()) ? widened : retyped).add(change);
      }
      columns.add(new Column(now.heading(), now.name(), type));
      sources.add(source);
    }

    void add(InferredColumn now, int source) {
      Column column = new Column(now.heading(), now.name(), decide(now, Optional.empty()));
      columns.add(column);
      sources.add(source);
      added.add(column);
    }

    private ColumnType decide(InferredColumn column, Optional<ColumnType> stored) {
      ColumnFit fit = column.fit();
      Optional<ColumnType> pin = policy.pin(column.heading(), column.name());
      if (pin.isPresent()) {
        ColumnType type = fit.widen(pin.get());
        if (type != pin.get()) {
          notices.add(Notices.pinDoesNotFit(column, pin.get(), type));
        }
        return type;
      }
      if (policy.allText()) {
        return ColumnType.TEXT;
      }
      if (stored.isPresent()) {
        ColumnType type = fit.widen(stored.get());
        if (type == ColumnType.BIGINT && fit.inferred() == ColumnType.DATE) {
          notices.add(Notices.datesInBigint(column));
        }
        return type;
      }
      ColumnType type = fit.inferred();
      if (type == ColumnType.BIGINT && fit.onlyNoDates()) {
        notices.add(Notices.onlyZeros(column));
      }
      return type;
    }

    EvolvedSchema build(Optional<String> fingerprintBefore) {
      ReportSchema schema = new ReportSchema(columns);
      int[] from = sources.stream().mapToInt(Integer::intValue).toArray();
      SchemaDrift drift =
          new SchemaDrift(
              fingerprintBefore,
              schema.fingerprint(),
              fingerprintBefore.isPresent() ? added : List.of(),
              removed,
              widened,
              retyped,
              notices);
      return new EvolvedSchema(schema, new RowConverter(schema, from), drift);
    }
  }
}
