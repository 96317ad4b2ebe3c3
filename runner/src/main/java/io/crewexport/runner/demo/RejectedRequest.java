package io.crewexport.runner.demo;

/**
 * A request the demo server refuses, carrying the HTTP status and the message for the vendor's
 * error body. Thrown by the routes and turned into a response by {@link ApiHandler}.
 */
final class RejectedRequest extends RuntimeException {
  private final int status;

  private RejectedRequest(int status, String message) {
    // Control flow, not a fault: a stack trace would only cost time.
    super(message, null, false, false);
    this.status = status;
  }

  /** A 400 with the vendor's {@code Invalid data received} message and what exactly was wrong. */
  static RejectedRequest badRequest(String detail) {
    return new RejectedRequest(400, "Invalid data received: " + detail);
  }

  static RejectedRequest unauthorized(String message) {
    return new RejectedRequest(401, message);
  }

  static RejectedRequest notFound(String path) {
    return new RejectedRequest(404, "No such endpoint: " + path);
  }

  static RejectedRequest methodNotAllowed(String method, String allowed) {
    return new RejectedRequest(405, method + " is not supported here: use " + allowed);
  }

  int status() {
    return status;
  }
}
