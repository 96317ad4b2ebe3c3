package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The one valid access token. Issuing a token replaces the previous one, which is the vendor's rule
 * that makes clients share a single token provider.
 */
final class TokenStore {
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private byte[] current;
  private Instant expiresAt = Instant.MIN;

  TokenStore(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A fresh random token; every token issued before it stops working. */
  synchronized String issue() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    current = token.getBytes(UTF_8);
    expiresAt = clock.instant().plus(lifetime);
    return token;
  }

  /**
   * Accepts the latest token while it is fresh.
   *
   * @throws RejectedRequest a 401 for any other token
   */
  synchronized void verify(String token) {
    if (current == null || !MessageDigest.isEqual(current, token.getBytes(UTF_8))) {
      throw RejectedRequest.unauthorized(
          "The access token is invalid or was superseded by a newer one: request a new token");
    }
    if (!clock.instant().isBefore(expiresAt)) {
      throw RejectedRequest.unauthorized("The access token has expired: request a new token");
    }
  }
}
