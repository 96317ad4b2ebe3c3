package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client secret or token. It never prints itself: {@link #toString()} is redacted, so a secret
 * that slips into a log line or a message shows as {@code ****}.
 *
 * <p>A server can still quote a secret back: an error body that repeats the client secret or the
 * token it was sent. So every secret this process has wrapped is remembered, and {@link #redact}
 * masks each of them in text from outside before it reaches a log line or a message. They are kept
 * for the life of the process (a few per account and hour), and in tests they carry over from one
 * test to the next, which only masks more.
 */
public final class Secret {
  /** Shorter values are not masked in other text: masking every "abc" would garble it. */
  static final int SHORTEST_REDACTED = 6;

  // Tokens are added as they are issued: a few per account and hour, so this stays small.
  private static final Map<String, Pattern> KNOWN = new ConcurrentHashMap<>();

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
      KNOWN.computeIfAbsent(secret, Secret::spellings);
    }
    return new Secret(secret);
  }

  /**
   * {@code text} with every secret this process has wrapped (of at least six characters) replaced
   * by {@code ****}, as it is or URL-encoded, in any case; null stays null.
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (Pattern secret : KNOWN.values()) {
      Matcher found = secret.matcher(redacted);
      if (found.find()) {
        redacted = found.replaceAll("****");
      }
    }
    return redacted;
  }

  /**
   * How a server may quote {@code secret} back: as it is, escaped as in the JSON body that sent it,
   * or URL-encoded (in a URL or a form), in any case.
   */
  private static Pattern spellings(String secret) {
    Set<String> spellings = new LinkedHashSet<>();
    spellings.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    spellings.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    spellings.add(secret);
    String any = spellings.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile(any, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
