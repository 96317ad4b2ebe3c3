package io.crewexport.client;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.net.URI;
import java.util.Locale;

/** The vendor's two environments. Any other base URL (a proxy, a gateway) is allowed too. */
public enum Environment {
  TEST("https://api.test.crewmojo.com"),
  PRODUCTION("https://api.crewmojo.com");

  private final URI baseUrl;

  Environment(String baseUrl) {
    this.baseUrl = URI.create(baseUrl);
  }

  /** The environment's base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Parses {@code test} or {@code production}, in any case. */
  public static Environment parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION, "Unknown environment '" + name + "': use test or production.");
    }
  }
}
