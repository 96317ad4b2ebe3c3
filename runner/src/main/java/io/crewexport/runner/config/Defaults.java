package io.crewexport.runner.config;

import io.crewexport.ContentType;
import java.util.List;
import java.util.Map;

/**
 * What reports take unless they say otherwise.
 *
 * @param format {@code csv} (default) or {@code json}
 * @param sinks the sinks (required here or in every report)
 * @param options sink options for every report
 * @param splitOnTimeout whether timed-out windows are split in two (default false)
 */
public record Defaults(
    ContentType format, List<String> sinks, Map<String, String> options, Boolean splitOnTimeout) {
  public static final Defaults NONE = new Defaults(null, null, null, null);

  public Defaults {
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
