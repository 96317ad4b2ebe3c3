package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Turns a vendor failure into an error code and a message that says what to do. */
final class Failures {
  private Failures() {}

  static ErrorCode codeOf(int status) {
    if (status == 400 || status == 404 || status == 422) {
      return ErrorCode.INVALID_REQUEST;
    }
    if (status == 401 || status == 403) {
      return ErrorCode.UNAUTHORIZED;
    }
    if (status == 429) {
      return ErrorCode.RATE_LIMITED;
    }
    if (status >= 500) {
      return ErrorCode.SERVER_ERROR;
    }
    return ErrorCode.UNEXPECTED_RESPONSE;
  }

  static String describe(String what, Answer.Failure failure) {
    String message = failure.errorMessage().isEmpty() ? "" : " (" + failure.errorMessage() + ")";
    if (failure.status() == 200) {
      return what + ": Crewmojo answered HTTP 200 with " + failure.errorMessage();
    }
    return what + ": Crewmojo answered HTTP " + failure.status() + message;
  }

  static String advice(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST -> "Check the report id and the period; this request is not retried.";
      case UNAUTHORIZED ->
          "Check the account's client id and secret (CREWMOJO_CLIENT_ID and"
              + " CREWMOJO_CLIENT_SECRET, or what the config names) against Crewmojo's company"
              + " settings.";
      case RATE_LIMITED ->
          "Crewmojo is limiting requests: run again later, or export fewer at once.";
      case SERVER_ERROR ->
          "Crewmojo failed to produce the report: run again later, and contact Crewmojo if it"
              + " persists.";
      default -> "Check that the base URL points at the Crewmojo API, not a web page or a proxy.";
    };
  }

  /**
   * The failure to report when {@code error} is a TLS handshake that failed because the server's
   * certificate is not trusted or does not match the host: retrying cannot mend that.
   */
  static Optional<CrewexportException> untrustedCertificate(String what, Exception error) {
    boolean tls = false;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      tls |= cause instanceof SSLException;
      if (tls && cause instanceof CertificateException) {
        return Optional.of(
            new CrewexportException(
                ErrorCode.CONFIGURATION,
                what
                    + ": the server's TLS certificate is not trusted ("
                    + cause.getMessage()
                    + "). If your network inspects TLS traffic, give its CA certificate as a trust"
                    + " store; otherwise the connection may be intercepted, so do not work around"
                    + " it.",
                error));
      }
    }
    return Optional.empty();
  }

  static CrewexportException toException(String what, Answer.Failure failure) {
    ErrorCode code = codeOf(failure.status());
    return new CrewexportException(code, describe(what, failure) + ". " + advice(code));
  }
}
