package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.AccessToken;
import io.crewexport.client.TokenProvider;
import java.util.function.Function;

/**
 * Runs a call with the account's bearer token. A {@code 401} on a request that carried an older
 * token is tried again with the current one; a {@code 401} on the current token refreshes it once;
 * a {@code 401} right after that refresh is an authentication failure.
 */
public final class AuthorizedCalls {
  /** Bounds how often other threads' refreshes may send one call round again. */
  private static final int MAX_ROUNDS = 5;

  private final TokenProvider tokens;
  private final Retrier retrier;
  private final ResponseReader reader;

  public AuthorizedCalls(TokenProvider tokens, Retrier retrier, ResponseReader reader) {
    this.tokens = tokens;
    this.retrier = retrier;
    this.reader = reader;
  }

  /**
   * Calls {@code http} with a token until the vendor accepts the token.
   *
   * @param what names the call in messages
   * @param http sends the request with the given bearer token
   */
  public Answer call(String what, Function<String, feign.Response> http) {
    boolean refreshed = false;
    String vendorMessage = "";
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      AccessToken token = tokens.current();
      Answer answer = retrier.run(what, () -> reader.read(http.apply(token.value().reveal())));
      if (!(answer instanceof Answer.Failure failure) || failure.status() != 401) {
        return answer;
      }
      vendorMessage = failure.errorMessage().isEmpty() ? "" : ": " + failure.errorMessage();
      if (tokens.current().generation() > token.generation()) {
        continue;
      }
      if (refreshed) {
        break;
      }
      tokens.refresh(token);
      refreshed = true;
    }
    throw new CrewexportException(
        ErrorCode.UNAUTHORIZED,
        what
            + ": Crewmojo refused a freshly issued token (HTTP 401"
            + vendorMessage
            + "). Check that the client id and"
            + " secret belong to this environment, and that no other process uses the same"
            + " credentials at the same time (each new token invalidates the previous one).");
  }
}
