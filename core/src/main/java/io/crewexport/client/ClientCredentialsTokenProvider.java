package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.internal.Answer;
import io.crewexport.client.internal.FeignApis;
import io.crewexport.client.internal.PauseGate;
import io.crewexport.client.internal.Retrier;
import io.crewexport.client.internal.TokenApi;
import io.crewexport.client.internal.TokenBody;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets tokens with the OAuth2 client-credentials grant and shares one among all threads. It
 * refreshes shortly before expiry and after a {@code 401}, single-flight: while one thread asks the
 * vendor, the others wait for its token rather than asking too (each new token kills the old ones).
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.create(
 *     settings, clientId, Secret.of(System.getenv("CREWMOJO_CLIENT_SECRET")), Clock.systemUTC(),
 *     Sleeper.SYSTEM);
 * }</pre>
 */
public final class ClientCredentialsTokenProvider implements TokenProvider {
  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_MARGIN = Duration.ofMinutes(3);

  private final TokenApi api;
  private final String clientId;
  private final Secret secret;
  private final Clock clock;
  private final Retrier retrier;
  private final Duration refreshMargin;
  private AccessToken token;
  private long generation;

  public ClientCredentialsTokenProvider(
      TokenApi api,
      String clientId,
      Secret secret,
      Clock clock,
      Retrier retrier,
      Duration refreshMargin) {
    this.api = requireNonNull(api, "api");
    this.clientId = requireNonNull(clientId, "clientId");
    this.secret = requireNonNull(secret, "secret");
    this.clock = requireNonNull(clock, "clock");
    this.retrier = requireNonNull(retrier, "retrier");
    this.refreshMargin = requireNonNull(refreshMargin, "refreshMargin");
  }

  /** A provider talking to the API in {@code settings}, refreshing 3 minutes before expiry. */
  public static ClientCredentialsTokenProvider create(
      ClientSettings settings, String clientId, Secret secret, Clock clock, Sleeper sleeper) {
    Retrier retrier =
        new Retrier(
            settings.retry(),
            clock,
            sleeper,
            () -> ThreadLocalRandom.current().nextDouble(),
            new PauseGate(clock));
    return new ClientCredentialsTokenProvider(
        FeignApis.tokenApi(settings), clientId, secret, clock, retrier, DEFAULT_MARGIN);
  }

  @Override
  public synchronized AccessToken current() {
    if (token == null || !clock.instant().isBefore(token.expiresAt().minus(refreshMargin))) {
      token = fetch();
    }
    return token;
  }

  @Override
  public synchronized AccessToken refresh(AccessToken rejected) {
    if (token != null && token.generation() > rejected.generation()) {
      return token;
    }
    token = fetch();
    return token;
  }

  private AccessToken fetch() {
    Instant askedAt = clock.instant();
    Answer answer =
        retrier.run(
            "Token request",
            () -> read(api.requestToken(TokenBody.clientCredentials(clientId, secret.reveal()))));
    if (answer instanceof Answer.Failure failure) {
      throw refused(failure);
    }
    TokenAnswer received = ((TokenAnswer) answer);
    generation++;
    AccessToken fresh =
        new AccessToken(received.token(), askedAt.plusSeconds(received.expiresIn()), generation);
    log.info("Received an access token (valid {} s)", received.expiresIn());
    return fresh;
  }

  private Answer read(Response response) throws IOException {
    try (response) {
      if (response.status() != 200 || response.body() == null) {
        return new Answer.Failure(response.status(), errorMessage(response), Optional.empty());
      }
      JsonNode node;
      try (InputStream in = response.body().asInputStream()) {
        node = JSON.readTree(in);
      }
      if (node == null || !node.hasNonNull("access_token")) {
        return new Answer.Failure(200, "a token answer without access_token", Optional.empty());
      }
      long expiresIn = node.path("expires_in").asLong(1800);
      return new TokenAnswer(Secret.of(node.get("access_token").asText()), expiresIn);
    }
  }

  private static String errorMessage(Response response) throws IOException {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      JsonNode node = JSON.readTree(in.readNBytes(16 * 1024));
      return node == null ? "" : node.path("errorMessage").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private static CrewexportException refused(Answer.Failure failure) {
    String why = failure.errorMessage().isEmpty() ? "" : " (" + failure.errorMessage() + ")";
    if (failure.status() == 400 || failure.status() == 401 || failure.status() == 403) {
      return new CrewexportException(
          ErrorCode.UNAUTHORIZED,
          "Crewmojo refused the client credentials: HTTP "
              + failure.status()
              + why
              + ". Check CREWMOJO_CLIENT_ID and CREWMOJO_CLIENT_SECRET against Crewmojo's company"
              + " settings, and that they belong to this environment.");
    }
    return new CrewexportException(
        ErrorCode.SERVER_ERROR,
        "Crewmojo's token endpoint answered HTTP "
            + failure.status()
            + why
            + ". Run again later; contact Crewmojo if it persists.");
  }

  /** A token answer, passed through the retrier as an {@link Answer}-like value. */
  private record TokenAnswer(Secret token, long expiresIn) implements Answer.Token {}
}
