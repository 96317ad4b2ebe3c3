package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how the client talks to Crewmojo.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.of(Environment.PRODUCTION.baseUrl())
 *     .withReadTimeout(Duration.ofMinutes(2));
 * }</pre>
 *
 * @param baseUrl the API's base URL; {@code https}, or {@code http} to a loopback address only
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a read may stall before the call fails (and is retried)
 * @param retry how single calls are retried
 * @param polling how long-running reports are polled
 * @param trustStore certificates to trust besides the Java runtime's, or null
 */
public record ClientSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    PollingPolicy polling,
    TrustStore trustStore) {
  public ClientSettings {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(readTimeout, "readTimeout");
    requireNonNull(retry, "retry");
    requireNonNull(polling, "polling");
    baseUrl = checkBaseUrl(baseUrl);
  }

  /** Settings with the default timeouts (10 s connect, 60 s read), retries and polling. */
  public static ClientSettings of(URI baseUrl) {
    return new ClientSettings(
        baseUrl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        RetryPolicy.defaults(),
        PollingPolicy.defaults(),
        null);
  }

  public ClientSettings withReadTimeout(Duration timeout) {
    return new ClientSettings(baseUrl, connectTimeout, timeout, retry, polling, trustStore);
  }

  public ClientSettings withConnectTimeout(Duration timeout) {
    return new ClientSettings(baseUrl, timeout, readTimeout, retry, polling, trustStore);
  }

  public ClientSettings withRetry(RetryPolicy policy) {
    return new ClientSettings(baseUrl, connectTimeout, readTimeout, policy, polling, trustStore);
  }

  public ClientSettings withPolling(PollingPolicy policy) {
    return new ClientSettings(baseUrl, connectTimeout, readTimeout, retry, policy, trustStore);
  }

  /** These settings, also trusting the certificates of {@code store} (for TLS interception). */
  public ClientSettings withTrustStore(TrustStore store) {
    requireNonNull(store, "store");
    return new ClientSettings(baseUrl, connectTimeout, readTimeout, retry, polling, store);
  }

  /** The extra certificates to trust, if any. */
  public Optional<TrustStore> optionalTrustStore() {
    return Optional.ofNullable(trustStore);
  }

  /** The base URL as Feign wants it: no trailing slash. */
  public String baseUrlText() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static URI checkBaseUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Base URL '" + url + "' is not an http(s) URL: use e.g. https://api.crewmojo.com.");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Base URL '" + url.getHost() + "' must not carry a query, fragment or user info.");
    }
    if (scheme.equals("http") && !isLoopback(url.getHost())) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Base URL '"
              + url
              + "' uses plain http to a host that is not this machine: Crewmojo accepts TLS only,"
              + " so use https.");
    }
    // A scheme is case-insensitive, but Feign takes only a lower-case one for an absolute URL.
    return URI.create(scheme + url.toString().substring(url.getScheme().length()));
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      // A name other than localhost could resolve anywhere; only literal addresses are trusted.
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
