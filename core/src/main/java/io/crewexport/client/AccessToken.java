package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A bearer token and when it stops working.
 *
 * @param value the token
 * @param expiresAt when the vendor stops accepting it
 * @param generation counts tokens issued by one provider, so a request knows whether the token it
 *     carried is still the current one
 */
public record AccessToken(Secret value, Instant expiresAt, long generation) {
  public AccessToken {
    requireNonNull(value, "value");
    requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[generation=" + generation + ", expiresAt=" + expiresAt + "]";
  }
}
