package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.csv;
import static io.crewexport.client.ClientFixture.error;
import static io.crewexport.client.ClientFixture.stubInTurn;
import static io.crewexport.client.ClientFixture.stubToken;
import static io.crewexport.client.ClientFixture.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Eight downloads of one account at once: one token between them, and separate retries. */
final class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final String BODY = "Employee\r\nAda\r\n";
  private static final String TOKEN_3 = "tok-CCCC-3333";
  private static final String TOKEN_PATH = "/v1/oauth/token";
  private static final Rendezvous rendezvous = new Rendezvous();

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(40).extensions(rendezvous))
          .build();

  @TempDir Path spool;
  private ClientFixture fixture;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @BeforeEach
  void setUp() {
    stubToken(server, ClientFixture.TOKEN);
    fixture = new ClientFixture(server, spool);
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void anExpiredTokenThenABurstOf401sEachCauseExactlyOneTokenRequest() throws Exception {
    fixture.tokens.current();
    fixture.clock.advance(Duration.ofMinutes(28));
    server.resetAll();
    stubInTurn(
        server,
        "tokens",
        () -> post(urlEqualTo(TOKEN_PATH)),
        tokenAnswer(ClientFixture.TOKEN_2).withFixedDelay(100),
        tokenAnswer(TOKEN_3).withFixedDelay(100),
        tokenAnswer("tok-one-too-many"));
    rendezvous.expect(THREADS);
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN_2))
            .withServeEventListener(Rendezvous.NAME, Parameters.empty())
            .willReturn(error(401, "Token superseded")));
    server.stubFor(
        post(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_3))
            .willReturn(csv(BODY)));

    List<String> bodies = inParallel(i -> () -> download(TruncatedBodyTest.JANUARY));

    assertThat(bodies).hasSize(THREADS).containsOnly(BODY);
    assertThat(server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
    server.verify(
        THREADS,
        postRequestedFor(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + ClientFixture.TOKEN_2)));
    server.verify(
        THREADS,
        postRequestedFor(urlEqualTo(DOWNLOAD))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN_3)));
  }

  @Test
  void parallelCallsEachHaveTheirOwnRetryBudget() throws Exception {
    // Four failures each: with 5 tries per call every download succeeds; a shared budget would not.
    for (int i = 0; i < THREADS; i++) {
      String path = "/v1/integrations/download/report-" + i;
      stubInTurn(
          server,
          "flaky-" + i,
          () -> post(urlEqualTo(path)),
          error(500, "a"),
          error(502, "b"),
          error(503, "c"),
          error(500, "d"),
          csv(BODY));
    }

    List<String> bodies =
        inParallel(
            i ->
                () ->
                    download(
                        new ReportRequest(
                            "report-" + i, Period.parse("20240101", "20240131"), ContentType.CSV)));

    assertThat(bodies).hasSize(THREADS).containsOnly(BODY);
    for (int i = 0; i < THREADS; i++) {
      server.verify(5, postRequestedFor(urlEqualTo("/v1/integrations/download/report-" + i)));
    }
  }

  private String download(ReportRequest request) throws Exception {
    try (DownloadedReport report = fixture.client.download(request, spool)) {
      return Files.readString(report.file());
    }
  }

  /** Runs the tasks on {@link #THREADS} threads released together; their results in order. */
  private List<String> inParallel(IntFunction<Callable<String>> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<String> work = task.apply(i);
      futures.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return work.call();
              }));
    }
    List<String> results = new ArrayList<>();
    for (Future<String> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }
}
