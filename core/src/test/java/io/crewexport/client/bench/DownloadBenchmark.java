package io.crewexport.client.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.DownloadedReport;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import io.crewexport.client.StaticTokenProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Downloads a large generated CSV body (1 GiB unless told otherwise) from a local server on
 * 127.0.0.1, in a separate JVM started with {@code -Xmx256m}, and prints the throughput and the
 * peak heap its memory pools report. Not a unit test: run it by hand, see the class path note in
 * the project's report.
 *
 * <pre>{@code
 * java -cp <test classes, classes and dependencies> io.crewexport.client.bench.DownloadBenchmark \
 *     [MiB] [spool folder]
 * }</pre>
 */
public final class DownloadBenchmark {
  private static final String REPORT = "bench.report";
  private static final int BLOCK = 1024 * 1024;

  private DownloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    Path spool = Path.of(args.length > 1 ? args[1] : "target/bench-spool").toAbsolutePath();
    long bytes = mebibytes * BLOCK;
    HttpServer server = serve(bytes);
    try {
      String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
      System.out.printf(
          "Serving %d MiB of CSV at %s; downloading in a JVM with -Xmx256m%n", mebibytes, baseUrl);
      int exit = downloadInChildJvm(baseUrl, spool, bytes);
      if (exit != 0) {
        throw new IllegalStateException("the download JVM failed with exit code " + exit);
      }
    } finally {
      server.stop(0);
    }
  }

  /** The download JVM's entry point: downloads, checks the size, prints the figures. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) throws Exception {
      String baseUrl = args[0];
      Path spool = Path.of(args[1]);
      long expected = Long.parseLong(args[2]);
      CrewmojoClient client =
          new CrewmojoClient(
              ClientSettings.of(URI.create(baseUrl)).withReadTimeout(Duration.ofMinutes(2)),
              new StaticTokenProvider(Secret.of("bench-token")),
              Clock.systemUTC(),
              Sleeper.SYSTEM);
      ReportRequest request =
          new ReportRequest(REPORT, Period.parse("20240101", "20241231"), ContentType.CSV);

      long start = System.nanoTime();
      try (DownloadedReport report = client.download(request, spool)) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.bytes() != expected || Files.size(report.file()) != expected) {
          throw new IllegalStateException(report.bytes() + " bytes, expected " + expected);
        }
        System.out.printf(
            "Downloaded %,d bytes in %.2f s: %.1f MB/s (%.1f MiB/s)%n",
            expected, seconds, expected / seconds / 1e6, expected / seconds / BLOCK);
      }
      printHeap();
    }

    private static void printHeap() {
      long peak = 0;
      StringBuilder pools = new StringBuilder();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          long used = pool.getPeakUsage().getUsed();
          peak += used;
          pools.append(String.format("  %s: %.1f MiB%n", pool.getName(), used / (double) BLOCK));
        }
      }
      System.out.printf(
          "Peak heap (sum of the heap pools' peaks): %.1f MiB of a %.0f MiB maximum%n%s",
          peak / (double) BLOCK, Runtime.getRuntime().maxMemory() / (double) BLOCK, pools);
    }
  }

  private static int downloadInChildJvm(String baseUrl, Path spool, long bytes)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Child.class.getName(),
            baseUrl,
            spool.toString(),
            Long.toString(bytes));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private static HttpServer serve(long bytes) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/integrations/download/" + REPORT, exchange -> send(exchange, bytes));
    // No executor: the server's own thread answers, and stop() ends it, so the JVM can exit.
    server.setExecutor(null);
    server.start();
    return server;
  }

  private static void send(HttpExchange exchange, long bytes) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes);
      byte[] block = csvBlock();
      try (OutputStream out = exchange.getResponseBody()) {
        for (long left = bytes; left > 0; left -= block.length) {
          out.write(block, 0, (int) Math.min(block.length, left));
        }
      }
    }
  }

  /** One MiB of CSV rows shaped like the vendor's sample. */
  private static byte[] csvBlock() {
    String row =
        "Ada Moreno,emp3,ada.moreno@example.com,Jo Fly,RTYUIOP,No,20200115,0,0,0,0,0,0"
            + ",,,,,,,,,,,,,,,,,,\r\n";
    StringBuilder text = new StringBuilder(BLOCK + row.length());
    while (text.length() < BLOCK) {
      text.append(row);
    }
    byte[] block = new byte[BLOCK];
    System.arraycopy(text.toString().getBytes(StandardCharsets.UTF_8), 0, block, 0, BLOCK);
    return block;
  }
}
