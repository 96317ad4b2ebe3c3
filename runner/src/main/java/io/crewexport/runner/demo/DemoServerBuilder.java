package io.crewexport.runner.demo;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings for a {@link DemoServer}: its reports (at least one), its clocks, and where it listens.
 * Obtain one from {@link DemoServer#builder} or {@link DemoServer#showcase}.
 */
public final class DemoServerBuilder {
  private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._-]+");

  private final ClientCredentials credentials;
  private final Map<String, DemoReport> reports = new LinkedHashMap<>();
  private DemoTimings timings = DemoTimings.demo();
  private Clock clock = Clock.systemUTC();
  private InetAddress bindAddress = loopback();
  private int port;

  DemoServerBuilder(ClientCredentials credentials) {
    this.credentials = credentials;
  }

  /** Serves {@code report} under its id, which must be new to this server. */
  public DemoServerBuilder report(DemoReport report) {
    requireNonNull(report, "report");
    String id = requireNonNull(report.id(), "report.id()");
    if (!REPORT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Report id '" + id + "' may hold only letters, digits, dots, dashes and underscores");
    }
    if (reports.putIfAbsent(id, report) != null) {
      throw new IllegalArgumentException("Report id '" + id + "' is already served: rename one");
    }
    return this;
  }

  /** The scaled vendor clocks; {@link DemoTimings#demo()} unless set. */
  public DemoServerBuilder timings(DemoTimings timings) {
    this.timings = requireNonNull(timings, "timings");
    return this;
  }

  /**
   * The clock for token expiry and job readiness and expiry; the system clock unless set. Tests
   * pass a clock they advance, to reach those instants without waiting.
   */
  public DemoServerBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** The address to listen on; 127.0.0.1 unless set. */
  public DemoServerBuilder bindAddress(InetAddress bindAddress) {
    this.bindAddress = requireNonNull(bindAddress, "bindAddress");
    return this;
  }

  /** The port to listen on; 0, a free port chosen by the system, unless set. */
  public DemoServerBuilder port(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
    }
    this.port = port;
    return this;
  }

  /** A server with these settings, not yet started. */
  public DemoServer build() {
    if (reports.isEmpty()) {
      throw new IllegalStateException(
          "The demo server has no reports: add one with report(SampleReport.load())");
    }
    return new DemoServer(
        new DemoServerSettings(credentials, reports, timings, clock, bindAddress, port));
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError("A four-byte address is always valid", e);
    }
  }
}
