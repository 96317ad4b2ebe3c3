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
        "Crewmojo refused the bearer token given in CREWMOJO_TOKEN: it expired or was replaced."
            + " Provide a fresh token, or set CREWMOJO_CLIENT_ID and CREWMOJO_CLIENT_SECRET instead.");
  }
}
