package io.crewexport.client.internal;

import feign.Response;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads what the OAuth2 token endpoint answers: a token, or a refusal to explain. */
public final class TokenAnswers {
  /** A token answer is a few hundred bytes; more than this is not one. */
  private static final int TOKEN_ANSWER = 64 * 1024;

  private TokenAnswers() {}

  /** Reads and closes the token endpoint's answer. */
  public static Answer read(Response response) throws IOException {
    try (response) {
      if (response.status() != 200 || response.body() == null) {
        return new Answer.Failure(response.status(), errorMessage(response), Optional.empty());
      }
      byte[] body;
      try (InputStream in = response.body().asInputStream()) {
        body = in.readNBytes(TOKEN_ANSWER + 1);
      }
      if (body.length > TOKEN_ANSWER) {
        return new Answer.Failure(
            200, "a token answer over " + TOKEN_ANSWER / 1024 + " KiB", Optional.empty());
      }
      Optional<JsonFields> answer;
      try {
        answer = JsonFields.parse(body);
      } catch (IOException e) {
        // The vendor's fault, not the network's; the message says where, never what (a token).
        return new Answer.Failure(
            200, "a token answer that is not JSON: " + e.getMessage(), Optional.empty());
      }
      if (answer.isEmpty() || !answer.get().hasNonNull("access_token")) {
        return new Answer.Failure(200, "a token answer without access_token", Optional.empty());
      }
      String token = answer.get().text("access_token", "").strip();
      if (token.isEmpty()) {
        return new Answer.Failure(
            200, "a token answer with an empty access_token", Optional.empty());
      }
      if (!sendable(token)) {
        // It would go into a header line: a line break there would end it, or add another.
        return new Answer.Failure(
            200,
            "a token answer whose access_token holds a space or a control character",
            Optional.empty());
      }
      long expiresIn = answer.get().asLong("expires_in", 1800);
      return new Issued(Secret.of(token), expiresIn);
    }
  }

  private static boolean sendable(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  private static String errorMessage(Response response) throws IOException {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return JsonFields.parse(in.readNBytes(16 * 1024))
          .map(answer -> ResponseReader.clean(answer.text("errorMessage", "")))
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  /** The failure to throw when the token endpoint refused. */
  public static CrewexportException refused(Answer.Failure failure) {
    String why = failure.errorMessage().isEmpty() ? "" : " (" + failure.errorMessage() + ")";
    if (failure.status() == 400 || failure.status() == 401 || failure.status() == 403) {
      return new CrewexportException(
          ErrorCode.UNAUTHORIZED,
          "Crewmojo refused the client credentials: HTTP "
              + failure.status()
              + why
              + ". Check the account's client id and secret (CREWMOJO_CLIENT_ID and"
              + " CREWMOJO_CLIENT_SECRET, or what the config names) against Crewmojo's company"
              + " settings, and that they belong to this environment.");
    }
    return new CrewexportException(
        ErrorCode.SERVER_ERROR,
        "Crewmojo's token endpoint answered HTTP "
            + failure.status()
            + why
            + ". Run again later; contact Crewmojo if it persists.");
  }

  /**
   * A token the vendor issued, passed through the retrier as an {@link Answer}.
   *
   * @param token the bearer token
   * @param expiresIn its lifetime in seconds
   */
  public record Issued(Secret token, long expiresIn) implements Answer.Token {}
}
