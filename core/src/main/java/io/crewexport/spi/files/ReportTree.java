package io.crewexport.spi.files;

import io.crewexport.CrewexportException;
import io.crewexport.Period;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files below one report's folder, grouped by the partition folder that holds them. */
final class ReportTree {
  private static final Pattern PERIOD =
      Pattern.compile("start_date=(\\d{4}-\\d{2}-\\d{2})/end_date=(\\d{4}-\\d{2}-\\d{2})");

  /**
   * One folder of files below the report folder.
   *
   * @param path the folder, relative to the report folder: {@code start_date=.../end_date=...}
   * @param names the names of the files directly inside it
   */
  record Partition(String path, List<String> names) {
    Partition {
      names = List.copyOf(names);
    }

    /** The period the folder is named after, if it is a period partition. */
    Optional<Period> period() {
      Matcher matcher = PERIOD.matcher(path);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            Period.of(LocalDate.parse(matcher.group(1)), LocalDate.parse(matcher.group(2))));
      } catch (DateTimeParseException | CrewexportException e) {
        // Not a folder this tool wrote: it is neither replaced nor in the way.
        return Optional.empty();
      }
    }

    /** The names of published data files: {@code part-*}, whatever their ending. */
    List<String> published() {
      return names.stream().filter(name -> name.startsWith("part-")).toList();
    }
  }

  private final List<Partition> partitions;

  private ReportTree(List<Partition> partitions) {
    this.partitions = List.copyOf(partitions);
  }

  /** Lists the files below {@code reportFolder}. */
  static ReportTree read(FileStore store, String reportFolder) throws IOException {
    Map<String, List<String>> byFolder = new LinkedHashMap<>();
    for (String file : store.listTree(reportFolder)) {
      int slash = file.lastIndexOf('/');
      String folder = slash < 0 ? "" : file.substring(0, slash);
      byFolder.computeIfAbsent(folder, key -> new ArrayList<>()).add(file.substring(slash + 1));
    }
    List<Partition> partitions = new ArrayList<>();
    byFolder.forEach((folder, names) -> partitions.add(new Partition(folder, names)));
    return new ReportTree(partitions);
  }

  List<Partition> partitions() {
    return partitions;
  }

  /** The periods of the partitions that hold published files. */
  List<Period> publishedPeriods() {
    return partitions.stream()
        .filter(partition -> !partition.published().isEmpty())
        .flatMap(partition -> partition.period().stream())
        .toList();
  }
}
