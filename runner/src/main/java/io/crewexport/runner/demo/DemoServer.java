package io.crewexport.runner.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded HTTP server that behaves like Crewmojo's report API: client-credentials tokens that
 * supersede each other, report downloads as CSV or JSON, and long-running reports answered with a
 * job id to poll, on the vendor's clocks scaled by {@link DemoTimings}.
 *
 * <pre>{@code
 * try (DemoServer server =
 *     DemoServer.builder("demo-client", "demo-secret")
 *         .report(SampleReport.load())
 *         .timings(DemoTimings.demo())
 *         .build()
 *         .start()) {
 *   URI token = URI.create(server.baseUrl() + "/v1/oauth/token");
 * }
 * }</pre>
 *
 * <p>It listens on 127.0.0.1 and a free port unless told otherwise, speaks plain HTTP, and serves
 * each request on its own thread, so a client may download several reports at once. Loading this
 * class sets the JDK server's {@code sun.net.httpserver.nodelay} system property to {@code true}
 * unless it is already set; it takes effect only if no JDK HTTP server ran earlier in the JVM,
 * otherwise each response may lag by some 40 ms.
 */
public final class DemoServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

  static {
    // The JDK server writes response headers and body separately; with Nagle's algorithm on, the
    // body then waits for the client's delayed ACK, adding about 40 ms to every response.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final DemoServerSettings settings;
  private final DemoCounters counters = new DemoCounters();
  private HttpServer server;
  private ExecutorService executor;

  DemoServer(DemoServerSettings settings) {
    this.settings = settings;
  }

  /**
   * What the server has done so far.
   *
   * @param tokensIssued tokens handed out
   * @param jobsStarted downloads answered with a job id
   * @param polls {@code GET} requests for a job, whatever their answer
   * @param downloads responses that carried report data
   * @param unauthorized requests refused with {@code 401}
   */
  public record Stats(
      long tokensIssued, long jobsStarted, long polls, long downloads, long unauthorized) {}

  /** A server that accepts exactly this client id and secret; add reports before building. */
  public static DemoServerBuilder builder(String clientId, String clientSecret) {
    return new DemoServerBuilder(new ClientCredentials(clientId, clientSecret));
  }

  /**
   * The {@code crewexport demo} setup: the vendor's sample ({@value SampleReport#DEFAULT_ID},
   * instant), the generated {@value GeneratedReport#DEFAULT_ID} (slow enough for the job path) and
   * {@link DemoTimings#demo()}.
   */
  public static DemoServerBuilder showcase(String clientId, String clientSecret) {
    return builder(clientId, clientSecret)
        .report(SampleReport.load())
        .report(GeneratedReport.people())
        .timings(DemoTimings.demo());
  }

  /**
   * Binds the socket and starts serving.
   *
   * @return this server, for chaining into try-with-resources
   * @throws IOException when the address or port cannot be bound
   * @throws IllegalStateException when the server was started before
   */
  public synchronized DemoServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("The demo server is already started on " + baseUrl());
    }
    server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 50);
    executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    registerRoutes(server);
    server.start();
    LOG.info("Demo Crewmojo server on {} serving {}", baseUrl(), settings.reports().keySet());
    return this;
  }

  /** The root URL clients use, such as {@code http://127.0.0.1:54321}, without a slash. */
  public synchronized String baseUrl() {
    InetAddress address = server().getAddress().getAddress();
    String host = address.getHostAddress();
    return "http://" + (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port();
  }

  /** The port the server listens on; the one chosen by the system when asked for port 0. */
  public synchronized int port() {
    return server().getAddress().getPort();
  }

  /** The ids of the reports served, in the order they were added. */
  public List<String> reportIds() {
    return List.copyOf(settings.reports().keySet());
  }

  /** A snapshot of the counters; later requests do not change it. */
  public Stats stats() {
    return counters.snapshot();
  }

  /** Stops listening and abandons requests in flight; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (server == null || executor.isShutdown()) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    LOG.info("Demo Crewmojo server stopped");
  }

  private void registerRoutes(HttpServer http) {
    TokenStore tokens = new TokenStore(settings.clock(), settings.timings().tokenLifetime());
    Map<String, DemoReport> reports = settings.reports();
    http.createContext(
        TokenEndpoint.PATH,
        new ApiHandler(
            new TokenEndpoint(
                settings.credentials(), tokens, settings.timings().tokenLifetime(), counters),
            counters));
    http.createContext(
        DownloadEndpoint.PATH,
        new ApiHandler(
            new DownloadEndpoint(
                reports, tokens, new JobRegistry(), settings.timings(), settings.clock(), counters),
            counters));
    http.createContext(
        "/",
        new ApiHandler(
            exchange -> {
              throw RejectedRequest.notFound(exchange.getRequestURI().getRawPath());
            },
            counters));
  }

  private HttpServer server() {
    if (server == null) {
      throw new IllegalStateException("The demo server is not started: call start() first");
    }
    return server;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "crewexport-demo-http-" + count.incrementAndGet());
      // A server left open must not keep the JVM alive after the demo or a test ends.
      thread.setDaemon(true);
      return thread;
    };
  }
}
