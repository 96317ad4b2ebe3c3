package io.crewexport.sink.duckdb;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.schema.ColumnNames;
import io.crewexport.spi.ExportTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of the DuckDB sink, read from an export's options.
 *
 * <pre>{@code
 * DuckDbSinkConfig config = DuckDbSinkConfig.from(target);
 * config.file(); // <outputRoot>/crewexport.duckdb unless the option duckdb.file names another
 * }</pre>
 *
 * <p>{@code memoryLimit}, {@code threads} and {@code keepRowOrder} apply to the whole database
 * instance, which every export to the same file in this process shares: the last export opened sets
 * them.
 *
 * @param file the database file, absolute
 * @param schema the DuckDB schema that holds the report tables
 * @param memoryLimit DuckDB's {@code memory_limit}, such as {@code 1GB}
 * @param threads DuckDB's {@code threads}
 * @param keepRowOrder DuckDB's {@code preserve_insertion_order}: whether a table's new rows keep
 *     the report's order, which costs DuckDB's parallel CSV reader some time
 */
public record DuckDbSinkConfig(
    Path file, String schema, String memoryLimit, int threads, boolean keepRowOrder) {
  /** Option key: the database file; default {@code <outputRoot>/crewexport.duckdb}. */
  public static final String FILE = "duckdb.file";

  /** Option key: the schema of the report tables; default {@code main}. */
  public static final String SCHEMA = "duckdb.schema";

  /** Option key: DuckDB's memory limit; default {@code 1GB}. */
  public static final String MEMORY_LIMIT = "duckdb.memory-limit";

  /** Option key: DuckDB's worker threads; default {@code 2}. */
  public static final String THREADS = "duckdb.threads";

  /**
   * Option key: {@code true} to keep the report's row order in the table; default {@code false}.
   */
  public static final String KEEP_ROW_ORDER = "duckdb.keep-row-order";

  /** Every option key the sink reads. */
  static final Set<String> KEYS = Set.of(FILE, SCHEMA, MEMORY_LIMIT, THREADS, KEEP_ROW_ORDER);

  /** The database file's name in the output root, unless {@link #FILE} names another file. */
  public static final String DEFAULT_FILE_NAME = "crewexport.duckdb";

  /** The schema of the report tables unless {@link #SCHEMA} names another. */
  public static final String DEFAULT_SCHEMA = "main";

  /**
   * DuckDB's memory limit unless {@link #MEMORY_LIMIT} sets another; DuckDB's own is 80 % of RAM.
   */
  public static final String DEFAULT_MEMORY_LIMIT = "1GB";

  /** DuckDB's threads unless {@link #THREADS} sets another; DuckDB's own is one per core. */
  public static final int DEFAULT_THREADS = 2;

  private static final int MAX_THREADS = 1024;
  private static final Pattern MEMORY =
      Pattern.compile("\\d+(\\.\\d+)?\\s*([KMGT]i?)?B", Pattern.CASE_INSENSITIVE);
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  public DuckDbSinkConfig {
    requireNonNull(file, "file");
    requireNonNull(schema, "schema");
    requireNonNull(memoryLimit, "memoryLimit");
    file = file.toAbsolutePath().normalize();
    // The JDBC URL separates its options with ';', so DuckDB would cut such a path short.
    if (file.toString().contains(";")) {
      throw invalid(FILE, "a path without ';', which DuckDB cannot open", file.toString());
    }
    if (!ColumnNames.isSafe(schema)) {
      throw invalid(SCHEMA, "lower snake case, such as main or tenant_a", schema);
    }
    if (!MEMORY.matcher(memoryLimit).matches()) {
      throw invalid(MEMORY_LIMIT, "a size such as 512MB or 2GB", memoryLimit);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw invalid(THREADS, "a whole number from 1 to " + MAX_THREADS, String.valueOf(threads));
    }
  }

  /** Settings that let rows land in any order, the default. */
  public DuckDbSinkConfig(Path file, String schema, String memoryLimit, int threads) {
    this(file, schema, memoryLimit, threads, false);
  }

  /** The settings for {@code target}: its options, and defaults for those it does not set. */
  public static DuckDbSinkConfig from(ExportTarget target) {
    requireNonNull(target, "target");
    Path file = target.option(FILE).map(Path::of).orElseGet(() -> defaultFile(target));
    return new DuckDbSinkConfig(
        file,
        target.option(SCHEMA).orElse(DEFAULT_SCHEMA),
        target.option(MEMORY_LIMIT).orElse(DEFAULT_MEMORY_LIMIT),
        threads(target.option(THREADS)),
        keepRowOrder(target.option(KEEP_ROW_ORDER)));
  }

  private static Path defaultFile(ExportTarget target) {
    String root = target.outputRoot();
    if (root.startsWith("file:")) {
      try {
        return Path.of(URI.create(root)).resolve(DEFAULT_FILE_NAME);
      } catch (IllegalArgumentException e) {
        throw notLocal(root);
      }
    }
    // A single letter before ':' is a Windows drive, not a scheme.
    if (URI_SCHEME.matcher(root).lookingAt() && root.indexOf(':') > 1) {
      throw notLocal(root);
    }
    return Path.of(root, DEFAULT_FILE_NAME);
  }

  private static int threads(Optional<String> option) {
    if (option.isEmpty()) {
      return DEFAULT_THREADS;
    }
    try {
      return Integer.parseInt(option.get().trim());
    } catch (NumberFormatException e) {
      throw invalid(THREADS, "a whole number from 1 to " + MAX_THREADS, option.get());
    }
  }

  private static boolean keepRowOrder(Optional<String> option) {
    String value = option.map(String::trim).orElse("false");
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(KEEP_ROW_ORDER, "true or false", option.get());
  }

  private static CrewexportException notLocal(String root) {
    return new CrewexportException(
        ErrorCode.CONFIGURATION,
        "The DuckDB sink writes a local file, and the output root "
            + root
            + " is not a local folder: name a local file with --duckdb-file (option "
            + FILE
            + ").");
  }

  private static CrewexportException invalid(String key, String expected, String value) {
    return new CrewexportException(
        ErrorCode.CONFIGURATION,
        "DuckDB sink option " + key + " must be " + expected + ", not '" + value + "'.");
  }
}
