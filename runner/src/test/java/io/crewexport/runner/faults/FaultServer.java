package io.crewexport.runner.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Crewmojo stand-in on 127.0.0.1 for the fault matrix, on a raw socket so it can fail the way
 * networks and servers do: reset a connection mid-body, stall, cut a chunked stream, trickle, send
 * bursts of 5xx and 429, expire jobs, revoke tokens.
 *
 * <p>Each account lives under its own path, {@code http://127.0.0.1:<port>/<account>}, with its own
 * credentials and script of faults ({@link FaultAccount}); a batch config with one account per
 * fault meets them all in one run, each account with its own client, token and pauses.
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start()) {
 *   server.account("burst").nextDownloads(Reply.status(500), Reply.status(500));
 *   String baseUrl = server.baseUrl("burst");
 * }
 * }</pre>
 */
final class FaultServer implements AutoCloseable {
  private static final Pattern ROUTE =
      Pattern.compile("/([a-z0-9_]+)(/v1/oauth/token|/v1/integrations/download/([^/]+))");

  private final ServerSocket socket;
  private final ExecutorService threads;
  private final Map<String, FaultAccount> accounts = new ConcurrentHashMap<>();

  private FaultServer(ServerSocket socket) {
    this.socket = socket;
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fault-server");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts a server on a free loopback port. */
  static FaultServer start() throws IOException {
    FaultServer server =
        new FaultServer(new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1")));
    server.threads.execute(server::accept);
    return server;
  }

  /** The base URL of {@code account}. */
  String baseUrl(String account) {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/" + account;
  }

  /** The account named {@code name}, made on first use. */
  FaultAccount account(String name) {
    return accounts.computeIfAbsent(name, FaultAccount::new);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        threads.execute(() -> serve(connection));
      } catch (SocketException e) {
        return;
      } catch (IOException e) {
        // One failed accept; keep listening.
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(30_000);
      HttpRequest request = HttpRequest.read(connection.getInputStream());
      if (request == null) {
        return;
      }
      Matcher route = ROUTE.matcher(request.path());
      if (!route.matches() || !accounts.containsKey(route.group(1))) {
        new Exchange(request, null, null, connection).error(404, "no such path", Map.of());
        return;
      }
      FaultAccount account = accounts.get(route.group(1));
      Exchange exchange = new Exchange(request, account, route.group(3), connection);
      if (route.group(3) == null) {
        account.token(exchange);
      } else {
        account.download(exchange);
      }
    } catch (IOException e) {
      // The client went away, or a reply cut the connection on purpose.
    }
  }
}
