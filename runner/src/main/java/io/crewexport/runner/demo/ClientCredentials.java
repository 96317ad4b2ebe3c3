package io.crewexport.runner.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;

/** The client id and secret the demo server accepts; {@link #toString()} hides the secret. */
record ClientCredentials(String clientId, String clientSecret) {

  ClientCredentials {
    requireNonNull(clientId, "clientId");
    requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("The demo server needs a non-blank client id and secret");
    }
  }

  /** Whether both match; compared in constant time, as a real server would. */
  boolean matches(String id, String secret) {
    // A single '&' compares the secret even when the id is wrong, so timing reveals neither.
    return id != null && secret != null && same(clientId, id) & same(clientSecret, secret);
  }

  private static boolean same(String expected, String actual) {
    return MessageDigest.isEqual(expected.getBytes(UTF_8), actual.getBytes(UTF_8));
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
