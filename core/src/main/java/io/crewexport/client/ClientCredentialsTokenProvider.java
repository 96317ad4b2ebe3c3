package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import io.crewexport.client.internal.Answer;
import io.crewexport.client.internal.FeignApis;
import io.crewexport.client.internal.PauseGate;
import io.crewexport.client.internal.Retrier;
import io.crewexport.client.internal.TokenAnswers;
import io.crewexport.client.internal.TokenApi;
import io.crewexport.client.internal.TokenBody;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets tokens with the OAuth2 client-credentials grant and shares one among all threads. It
 * refreshes shortly before expiry and after a {@code 401}, single-flight: while one thread asks the
 * vendor, the others wait for its token rather than asking too (each new token kills the old ones).
 *
 * <p>Within one process that is enough. Two processes with the same credentials (two scheduled runs
 * that overlap) would still knock out each other's tokens, each refresh costing the other a {@code
 * 401} and a refresh of its own; give both a {@link SharedTokenCache} on the same folder and they
 * take turns instead: one asks, the other reads its token.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.create(
 *     settings, clientId, Secret.of(System.getenv("CREWMOJO_CLIENT_SECRET")), Clock.systemUTC(),
 *     Sleeper.SYSTEM);
 * }</pre>
 */
public final class ClientCredentialsTokenProvider implements TokenProvider {
  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final Duration DEFAULT_MARGIN = Duration.ofMinutes(3);

  private final TokenApi api;
  private final String clientId;
  private final Secret secret;
  private final Clock clock;
  private final Retrier retrier;
  private final Duration refreshMargin;
  private final SharedTokenCache cache;
  private final Path cacheFile;
  private AccessToken token;
  private long generation;
  private long requested;

  public ClientCredentialsTokenProvider(
      TokenApi api,
      String clientId,
      Secret secret,
      Clock clock,
      Retrier retrier,
      Duration refreshMargin) {
    this(api, clientId, secret, clock, retrier, refreshMargin, null, null);
  }

  private ClientCredentialsTokenProvider(
      TokenApi api,
      String clientId,
      Secret secret,
      Clock clock,
      Retrier retrier,
      Duration refreshMargin,
      SharedTokenCache cache,
      Path cacheFile) {
    this.api = requireNonNull(api, "api");
    this.clientId = requireNonNull(clientId, "clientId");
    this.secret = requireNonNull(secret, "secret");
    this.clock = requireNonNull(clock, "clock");
    this.retrier = requireNonNull(retrier, "retrier");
    this.refreshMargin = requireNonNull(refreshMargin, "refreshMargin");
    this.cache = cache;
    this.cacheFile = cacheFile;
  }

  /** A provider talking to the API in {@code settings}, refreshing 3 minutes before expiry. */
  public static ClientCredentialsTokenProvider create(
      ClientSettings settings, String clientId, Secret secret, Clock clock, Sleeper sleeper) {
    return build(settings, clientId, secret, clock, sleeper, null);
  }

  /**
   * As {@link #create(ClientSettings, String, Secret, Clock, Sleeper)}, sharing tokens with other
   * processes through {@code cache}: a token another process left there is used rather than a new
   * one asked for, as long as it is not about to expire or the one just refused.
   */
  public static ClientCredentialsTokenProvider create(
      ClientSettings settings,
      String clientId,
      Secret secret,
      Clock clock,
      Sleeper sleeper,
      SharedTokenCache cache) {
    return build(settings, clientId, secret, clock, sleeper, requireNonNull(cache, "cache"));
  }

  private static ClientCredentialsTokenProvider build(
      ClientSettings settings,
      String clientId,
      Secret secret,
      Clock clock,
      Sleeper sleeper,
      SharedTokenCache cache) {
    Retrier retrier =
        new Retrier(
            settings.retry(),
            clock,
            sleeper,
            () -> ThreadLocalRandom.current().nextDouble(),
            new PauseGate(clock));
    return new ClientCredentialsTokenProvider(
        FeignApis.tokenApi(settings),
        clientId,
        secret,
        clock,
        retrier,
        DEFAULT_MARGIN,
        cache,
        cache == null ? null : cache.fileFor(settings, clientId));
  }

  @Override
  public synchronized AccessToken current() {
    if (token == null || expiring(token.expiresAt())) {
      token = replace(token);
    }
    return token;
  }

  @Override
  public synchronized AccessToken refresh(AccessToken rejected) {
    if (token != null && token.generation() > rejected.generation()) {
      return token;
    }
    token = replace(rejected);
    return token;
  }

  /**
   * How many tokens this provider asked Crewmojo for: the first one and every refresh (a token
   * taken from the shared cache does not count).
   */
  public synchronized long tokensRequested() {
    return requested;
  }

  /** A token to use instead of {@code stale} (null when there is none yet). */
  private AccessToken replace(AccessToken stale) {
    SharedTokenCache.Entry entry =
        cache == null
            ? fetch()
            : cache.exchange(cacheFile, cached -> usable(cached, stale), this::fetch);
    generation++;
    return new AccessToken(entry.token(), entry.expiresAt(), generation);
  }

  private boolean usable(SharedTokenCache.Entry cached, AccessToken stale) {
    boolean refused = stale != null && stale.value().reveal().equals(cached.token().reveal());
    return !refused && !expiring(cached.expiresAt());
  }

  private boolean expiring(Instant expiresAt) {
    return !clock.instant().isBefore(expiresAt.minus(refreshMargin));
  }

  private SharedTokenCache.Entry fetch() {
    Instant askedAt = clock.instant();
    Answer answer =
        retrier.run(
            "Token request",
            () ->
                TokenAnswers.read(
                    api.requestToken(TokenBody.clientCredentials(clientId, secret.reveal()))));
    if (answer instanceof Answer.Failure failure) {
      throw TokenAnswers.refused(failure);
    }
    TokenAnswers.Issued received = ((TokenAnswers.Issued) answer);
    requested++;
    log.info("Received an access token (valid {} s)", received.expiresIn());
    return new SharedTokenCache.Entry(received.token(), askedAt.plusSeconds(received.expiresIn()));
  }
}
