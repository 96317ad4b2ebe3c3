package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.CLIENT_ID;
import static io.crewexport.client.ClientFixture.SECRET;
import static io.crewexport.client.ClientFixture.stubInTurn;
import static io.crewexport.client.ClientFixture.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.testing.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two providers with the same credentials, as two scheduled runs would hold, sharing one cache
 * file: one asks for a token, the other reads it, and neither knocks the other's token out.
 */
final class SharedTokenCacheTest {
  private static final String TOKEN_PATH = "/v1/oauth/token";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock();
  private ClientSettings settings;
  private SharedTokenCache cache;

  @BeforeEach
  void setUp() {
    settings = ClientSettings.of(URI.create(server.baseUrl()));
    cache = SharedTokenCache.in(folder.resolve("tokens"));
    stubInTurn(
        server,
        "tokens",
        () -> post(urlEqualTo(TOKEN_PATH)),
        tokenAnswer("tok-1").withFixedDelay(50),
        tokenAnswer("tok-2"),
        tokenAnswer("tok-3"),
        tokenAnswer("tok-4"));
  }

  @Test
  void theSecondRunReadsTheFirstRunsTokenAndFollowsItsRefreshes() {
    TokenProvider first = provider(clock);
    TokenProvider second = provider(clock);

    assertThat(first.current().value().reveal()).isEqualTo("tok-1");
    assertThat(second.current().value().reveal()).isEqualTo("tok-1");
    assertThat(tokenRequests()).isEqualTo(1);

    // The first run's token is refused: it refreshes; the second, refused too, reads the new one.
    AccessToken refreshed = first.refresh(first.current());
    assertThat(refreshed.value().reveal()).isEqualTo("tok-2");
    assertThat(second.refresh(second.current()).value().reveal()).isEqualTo("tok-2");
    assertThat(tokenRequests()).isEqualTo(2);

    // Near expiry whoever comes first renews, and the other takes that token.
    clock.advance(Duration.ofMinutes(28));
    assertThat(second.current().value().reveal()).isEqualTo("tok-3");
    assertThat(first.current().value().reveal()).isEqualTo("tok-3");
    assertThat(tokenRequests()).isEqualTo(3);
  }

  @Test
  void manyThreadsOfTwoProvidersOnAnExpiredTokenMakeOneRequest() throws Exception {
    List<TokenProvider> providers = List.of(provider(clock), provider(clock));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CyclicBarrier start = new CyclicBarrier(8);
    List<Future<AccessToken>> tokens = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TokenProvider provider = providers.get(i % 2);
      tokens.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return provider.current();
              }));
    }
    for (Future<AccessToken> token : tokens) {
      assertThat(token.get(30, TimeUnit.SECONDS).value().reveal()).isEqualTo("tok-1");
    }
    pool.shutdown();

    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void keepsTheFileOwnerOnlyNamedByAHashAndFreeOfTheSecret() throws Exception {
    provider(clock).current();

    Path file = cache.fileFor(settings, CLIENT_ID);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("tok-1").doesNotContain(SECRET);
    assertThat(file.getFileName().toString())
        .matches("token-[0-9a-f]{32}\\.json")
        .doesNotContain(CLIENT_ID);
    assertThat(cache.fileFor(settings, "another-client")).isNotEqualTo(file);
    assertThat(cache.fileFor(ClientSettings.of(URI.create("https://api.crewmojo.com")), CLIENT_ID))
        .isNotEqualTo(file);
  }

  @Test
  void refusesAFileOtherUsersCanRead() throws Exception {
    Path file = cache.fileFor(settings, CLIENT_ID);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> provider(clock).current())
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("chmod 600")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
    assertThat(tokenRequests()).isZero();
  }

  @Test
  void replacesAFileLeftTornByAKilledRun() throws Exception {
    Path file = cache.fileFor(settings, CLIENT_ID);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"token\":\"tok-", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(provider(clock).current().value().reveal()).isEqualTo("tok-1");
    assertThat(provider(clock).current().value().reveal()).isEqualTo("tok-1");
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void anotherJavaProcessReadsTheTokenInsteadOfAskingForOne() throws Exception {
    TokenProvider here = provider(Clock.systemUTC());
    assertThat(here.current().value().reveal()).isEqualTo("tok-1");

    String printed =
        SharedTokenCacheChild.run(server.baseUrl(), cache.fileFor(settings, CLIENT_ID).getParent());

    assertThat(printed).isEqualTo("tok-1");
    assertThat(tokenRequests()).isEqualTo(1);
  }

  private TokenProvider provider(Clock time) {
    return ClientCredentialsTokenProvider.create(
        settings,
        CLIENT_ID,
        Secret.of(SECRET),
        time,
        duration -> {
          throw new AssertionError("no retry expected");
        },
        cache);
  }

  private int tokenRequests() {
    return server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size();
  }
}
