package io.crewexport.client;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.crewexport.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A WireMock listener that puts the test's manual clock on the server side: it records when (on
 * that clock) each request of the stubs that use it arrived, and can make a stub take time, such as
 * the vendor's POST that answers only after 30 seconds.
 */
final class ServerTime implements ServeEventListener {
  static final String NAME = "server-time";

  /** One request as the server saw it. */
  record Served(String method, String url, Instant at) {}

  private final List<Served> served = new ArrayList<>();
  private volatile ManualClock clock;

  /** Uses {@code clock} from now on and forgets earlier requests. */
  synchronized void use(ManualClock clock) {
    this.clock = clock;
    served.clear();
  }

  /** Parameters for a stub that takes {@code duration} to answer. */
  static Parameters taking(Duration duration) {
    return Parameters.one("seconds", (int) duration.toSeconds());
  }

  /** Every request recorded, in order. */
  synchronized List<Served> served() {
    return List.copyOf(served);
  }

  /** When requests of {@code method} to a URL starting with {@code prefix} arrived. */
  synchronized List<Instant> arrivals(String method, String prefix) {
    return served.stream()
        .filter(s -> s.method().equals(method) && s.url().startsWith(prefix))
        .map(Served::at)
        .toList();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public void beforeResponseSent(ServeEvent event, Parameters parameters) {
    synchronized (this) {
      served.add(
          new Served(
              event.getRequest().getMethod().getName(),
              event.getRequest().getUrl(),
              clock.instant()));
    }
    clock.advance(Duration.ofSeconds(parameters.getInt("seconds", 0)));
  }
}
