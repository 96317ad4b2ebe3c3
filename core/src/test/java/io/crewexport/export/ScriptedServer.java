package io.crewexport.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Secret;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.testing.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each request with the next scripted CSV body: its first part at
 * once, the rest only after the body's gate opens, or never (the connection is cut with bytes still
 * owed). So a test decides when a body still streams in, without sleeping.
 */
final class ScriptedServer implements AutoCloseable {
  /** One answer: {@code head} at once, then {@code tail} when {@code gate} opens, unless cut. */
  record Body(String head, String tail, CountDownLatch gate, boolean cut) {
    static Body whole(String text) {
      return new Body(text, "", new CountDownLatch(0), false);
    }

    static Body held(String head, String tail, CountDownLatch gate) {
      return new Body(head, tail, gate, false);
    }

    /** Cut short, once {@code gate} opens, after {@code head}. */
    static Body cutAfter(String head, String tail, CountDownLatch gate) {
      return new Body(head, tail, gate, true);
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService answering =
      java.util.concurrent.Executors.newCachedThreadPool();
  private final List<Body> bodies;
  private final AtomicInteger requests = new AtomicInteger();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  ScriptedServer(List<Body> bodies) throws IOException {
    this.bodies = bodies;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.setExecutor(answering);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A client of this server with a static token, on {@code clock}'s time. */
  CrewmojoClient client(ManualClock clock) {
    return new CrewmojoClient(
        ClientSettings.of(baseUrl()),
        new StaticTokenProvider(Secret.of("static-token")),
        clock,
        clock.sleeper());
  }

  int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    int index = Math.min(requests.getAndIncrement(), bodies.size() - 1);
    Body body = bodies.get(index);
    exchange.getRequestBody().readAllBytes();
    byte[] head = body.head().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = body.tail().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
    exchange.sendResponseHeaders(200, head.length + tail.length);
    OutputStream out = exchange.getResponseBody();
    try {
      out.write(head);
      out.flush();
      if (!body.gate().await(60, TimeUnit.SECONDS)) {
        failures.add(new AssertionError("the gate of body " + index + " never opened"));
      }
      if (body.cut()) {
        // Owe the tail: closing the socket cuts the body short.
        exchange.close();
        return;
      }
      out.write(tail);
      out.close();
    } catch (IOException | InterruptedException e) {
      failures.add(e);
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    answering.shutdownNow();
  }
}
