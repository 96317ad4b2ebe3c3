package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.csv;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubInTurn;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A 429 or 503 with Retry-After holds back every call of the account, not only the one hit. */
final class PauseGateTest {
  private static final Period JANUARY = Period.parse("20240101", "20240131");
  private static final ReportRequest FIRST =
      new ReportRequest("first.report", JANUARY, ContentType.CSV);
  private static final ReportRequest SECOND =
      new ReportRequest("second.report", JANUARY, ContentType.CSV);

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;
  private final SteppedTime time = new SteppedTime();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void holdsBackAnotherCallUntilTheAccountsPauseIsOver(int status) throws Exception {
    stubInTurn(
        server,
        "limited",
        () -> post(urlEqualTo(path(FIRST))),
        error(status, "slow down").withHeader("Retry-After", "60"),
        csv("a\r\n1\r\n"));
    server.stubFor(post(urlEqualTo(path(SECOND))).willReturn(csv("b\r\n2\r\n")));
    CrewmojoClient client =
        new CrewmojoClient(
            ClientSettings.of(URI.create(server.baseUrl())),
            new StaticTokenProvider(Secret.of("tok-gate")),
            time.clock(),
            time.sleeper(),
            () -> 0.5);

    Future<?> first = threads.submit(() -> client.download(FIRST, spool).close());
    time.awaitSleeping(1);
    time.advance(Duration.ofSeconds(20));
    Future<?> second = threads.submit(() -> client.download(SECOND, spool).close());
    time.awaitSleeping(2);

    // The second call waits out what is left of the first one's pause, before sending anything.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(40));
    server.verify(0, postRequestedFor(urlEqualTo(path(SECOND))));

    time.advance(Duration.ofSeconds(40));
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    server.verify(2, postRequestedFor(urlEqualTo(path(FIRST))));
    server.verify(1, postRequestedFor(urlEqualTo(path(SECOND))));
  }

  private static String path(ReportRequest request) {
    return "/v1/integrations/download/" + request.reportId();
  }
}
