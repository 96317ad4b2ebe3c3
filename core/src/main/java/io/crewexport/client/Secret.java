package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client secret or token. It never prints itself: {@link #toString()} is redacted, so a secret
 * that slips into a log line or a message shows as {@code ****}.
 *
 * <p>A server can still quote a secret back: an error body that repeats the client secret or the
 * token it was sent. So every secret this process has wrapped is remembered, and {@link #redact}
 * masks each of them in text from outside before it reaches a log line or a message.
 */
public final class Secret {
  /** Shorter values are not masked in other text: masking every "abc" would garble it. */
  static final int SHORTEST_REDACTED = 6;

  // Tokens are added as they are issued: a few per account and hour, so this stays small.
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a secret value; it must not be blank. */
  public static Secret of(String value) {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    String secret = value.strip();
    if (secret.length() >= SHORTEST_REDACTED) {
      KNOWN.add(secret);
    }
    return new Secret(secret);
  }

  /**
   * {@code text} with every secret this process has wrapped (of at least six characters) replaced
   * by {@code ****}; null stays null.
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (String secret : KNOWN) {
      if (redacted.contains(secret)) {
        redacted = redacted.replace(secret, "****");
      }
    }
    return redacted;
  }

  /** The secret itself, for the one place that sends it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
