package io.crewexport.runner.faults;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request on its socket, with the means to answer it well or badly: whole responses, or just a
 * status line and headers, after which a {@link Reply} writes the body as it pleases.
 */
final class Exchange {
  final HttpRequest request;
  final FaultAccount account;
  final String reportId;
  private final Socket socket;
  private final OutputStream out;

  Exchange(HttpRequest request, FaultAccount account, String reportId, Socket socket)
      throws IOException {
    this.request = request;
    this.account = account;
    this.reportId = reportId;
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** The report this request asks for, as a healthy server would send it. */
  ReportBody healthyBody() {
    return ReportBodies.forRequest(account, reportId, request);
  }

  /** Sends a complete response. */
  void send(int status, String contentType, byte[] body, Map<String, String> headers)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", contentType);
    all.put("Content-Length", String.valueOf(body.length));
    head(status, all);
    write(body);
  }

  /** Sends a JSON answer. */
  void json(int status, String json) throws IOException {
    send(status, "application/json", json.getBytes(UTF_8), Map.of());
  }

  /** Sends the vendor's error JSON with {@code status}. */
  void error(int status, String message, Map<String, String> headers) throws IOException {
    String json =
        "{\"success\":\"false\",\"httpErrorCode\":"
            + status
            + ",\"errorMessage\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    send(status, "application/json", json.getBytes(UTF_8), headers);
  }

  /** Sends headers promising the whole healthy body, then only its first {@code bytes}. */
  void sendPart(int bytes) throws IOException {
    ReportBody body = healthyBody();
    head(
        200,
        Map.of(
            "Content-Type",
            body.contentType(),
            "Content-Length",
            String.valueOf(body.bytes().length)));
    write(java.util.Arrays.copyOf(body.bytes(), bytes));
  }

  /** Writes the status line and headers; the connection closes after this response. */
  void head(int status, Map<String, String> headers) throws IOException {
    StringBuilder text = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("Connection: close\r\n\r\n");
    write(text.toString().getBytes(ISO_8859_1));
  }

  /** Writes and flushes raw bytes. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Ends the connection with a TCP reset instead of an orderly close. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** Ends the connection with an orderly close, whatever the response promised. */
  void close() throws IOException {
    socket.close();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
