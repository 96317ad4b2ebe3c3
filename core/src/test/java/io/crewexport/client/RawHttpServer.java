package io.crewexport.client;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 writing raw bytes, for what WireMock cannot send: a body
 * shorter than its {@code Content-Length}, a reset in the middle of a body, a chunked stream that
 * stops. Each connection gets the next scripted reply; the last one repeats.
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes one raw response to a connection. */
  @FunctionalInterface
  interface Reply {
    void write(Socket socket, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final List<Reply> replies;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  RawHttpServer(Reply... replies) throws IOException {
    this.replies = List.of(replies);
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::serve, "raw-http");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** How many connections were served. */
  int connections() {
    return connections.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        int index = Math.min(connections.getAndIncrement(), replies.size() - 1);
        readRequest(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        replies.get(index).write(connection, out);
        out.flush();
      } catch (IOException e) {
        // The client went away or the server is closing: serve the next connection.
      }
    }
  }

  /** Reads the request head and its body, so the client never writes into a closed socket. */
  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
    }
    for (String line : head.toString(US_ASCII).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
  }

  /** A whole CSV answer. */
  static Reply whole(String body) {
    return (socket, out) -> {
      byte[] bytes = body.getBytes(US_ASCII);
      out.write(head(200, "Content-Length: " + bytes.length));
      out.write(bytes);
    };
  }

  /** Announces {@code declared} bytes, sends {@code body} (fewer), then closes cleanly. */
  static Reply shortBody(long declared, String body) {
    return (socket, out) -> {
      out.write(head(200, "Content-Length: " + declared));
      out.write(body.getBytes(US_ASCII));
    };
  }

  /** Announces {@code declared} bytes, sends {@code body} (fewer), then resets the connection. */
  static Reply resetMidBody(long declared, String body) {
    return (socket, out) -> {
      out.write(head(200, "Content-Length: " + declared));
      out.write(body.getBytes(US_ASCII));
      out.flush();
      socket.setSoLinger(true, 0);
    };
  }

  /** Starts a chunked body with one whole chunk, then closes without the final empty chunk. */
  static Reply brokenChunked(String chunk) {
    return (socket, out) -> {
      byte[] bytes = chunk.getBytes(US_ASCII);
      out.write(head(200, "Transfer-Encoding: chunked"));
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(US_ASCII));
    };
  }

  private static byte[] head(int status, String framing) {
    return ("HTTP/1.1 "
            + status
            + " OK\r\nContent-Type: text/csv\r\n"
            + framing
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
