package io.crewexport.export;

import static java.util.Objects.requireNonNull;

import io.crewexport.spi.SinkResult;
import java.time.Duration;

/**
 * One sink's part of an export.
 *
 * @param result what the sink committed
 * @param duration the time spent in the sink: opening, writing every row, committing
 */
public record SinkOutcome(SinkResult result, Duration duration) {
  public SinkOutcome {
    requireNonNull(result, "result");
    requireNonNull(duration, "duration");
  }
}
