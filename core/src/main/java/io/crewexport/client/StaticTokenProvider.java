package io.crewexport.client;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.time.Instant;

/** Hands out a token the user brought (from a secret manager, say); it cannot be refreshed. */
public final class StaticTokenProvider implements TokenProvider {
  private final AccessToken token;

  public StaticTokenProvider(Secret token) {
    this.token = new AccessToken(token, Instant.MAX, 1);
  }

  @Override
  public AccessToken current() {
    return token;
  }

  @Override
  public AccessToken refresh(AccessToken rejected) {
    throw new CrewexportException(
        ErrorCode.UNAUTHORIZED,
        "Crewmojo refused the bearer token given (CREWMOJO_TOKEN, or the account's token-env or"
            + " token-file): it expired or was replaced. Provide a fresh token, or give a client id"
            + " and secret instead.");
  }
}
