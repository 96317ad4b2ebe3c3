package io.crewexport.runner.wiring;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.spi.ReportSink;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The sinks known to this run, by name, as bound by the sink modules. */
public final class SinkRegistry {
  private final Map<String, ReportSink> sinks;

  @Inject
  public SinkRegistry(Map<String, ReportSink> sinks) {
    this.sinks = Map.copyOf(sinks);
  }

  /** The sinks named, in the order given; an unknown name is a configuration error. */
  public List<ReportSink> resolve(List<String> names) {
    List<ReportSink> chosen = new ArrayList<>();
    for (String name : names) {
      ReportSink sink = sinks.get(name);
      if (sink == null) {
        throw new CrewexportException(
            ErrorCode.CONFIGURATION,
            "Unknown sink '"
                + name
                + "': choose one of "
                + new TreeSet<>(sinks.keySet())
                + ", or add its plugin jar.");
      }
      if (!chosen.contains(sink)) {
        chosen.add(sink);
      }
    }
    return chosen;
  }

  /** The sink named {@code name}, if there is one. */
  public Optional<ReportSink> find(String name) {
    return Optional.ofNullable(sinks.get(name));
  }

  /** The names of every known sink, sorted. */
  public List<String> names() {
    return List.copyOf(new TreeSet<>(sinks.keySet()));
  }
}
