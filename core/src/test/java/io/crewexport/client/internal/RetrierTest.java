package io.crewexport.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.RetryPolicy;
import io.crewexport.testing.ManualClock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class RetrierTest {
  private final ManualClock clock = new ManualClock();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void sendsNoRequestOnceTheThreadIsInterrupted() {
    Retrier retrier =
        new Retrier(
            RetryPolicy.defaults(), clock, clock.sleeper(), () -> 0.5, new PauseGate(clock));
    AtomicInteger calls = new AtomicInteger();
    Thread.currentThread().interrupt();

    assertThatThrownBy(
            () ->
                retrier.run(
                    "r1 [2024-01-01..2024-01-31]",
                    () -> {
                      calls.incrementAndGet();
                      return new Answer.Failure(500, "", java.util.Optional.empty());
                    }))
        .isInstanceOf(CrewexportException.class)
        .hasMessage(
            "r1 [2024-01-01..2024-01-31]: stopped before the request; nothing was committed.")
        .satisfies(
            e -> assertThat(((CrewexportException) e).code()).isEqualTo(ErrorCode.INTERRUPTED));
    assertThat(calls).hasValue(0);
  }
}
