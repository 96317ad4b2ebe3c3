package io.crewexport.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import feign.Response;
import io.crewexport.client.DownloadListener;
import io.crewexport.client.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a vendor response into an {@link Answer}. Data is streamed to a spool file, counting bytes,
 * so a body cut short fails here instead of passing for a whole report.
 */
public final class ResponseReader {
  /** A job ticket or an error is tiny; a JSON body larger than this is data. */
  private static final int SMALL_JSON = 64 * 1024;

  private static final int BUFFER = 64 * 1024;

  private final Spool spool;
  private final Clock clock;
  private final DownloadListener listener;

  /**
   * @param spool where data bodies go
   * @param clock for {@code Retry-After} dates
   * @param listener told of each CSV body and the bytes received so far while a body streams
   */
  public ResponseReader(Spool spool, Clock clock, DownloadListener listener) {
    this.spool = spool;
    this.clock = clock;
    this.listener = listener;
  }

  /** Reads and closes {@code response}. */
  public Answer read(Response response) throws IOException {
    try (response) {
      Optional<Duration> retryAfter =
          header(response, "Retry-After").flatMap(v -> RetryAfter.parse(v, clock.instant()));
      if (response.status() != 200) {
        return new Answer.Failure(response.status(), errorMessage(response), retryAfter);
      }
      MediaType type = MediaType.parse(header(response, "Content-Type").orElse(null));
      if (type.isHtml()) {
        return notData("an HTML page instead of a report (a proxy or a login page?)");
      }
      if (!type.isJson() && !type.isCsv() && !type.type().isEmpty()) {
        return notData("content type '" + type.type() + "' instead of CSV or JSON");
      }
      return readData(response, type);
    }
  }

  private Answer readData(Response response, MediaType type) throws IOException {
    Path file = spool.newFile();
    boolean csv = type.isCsv();
    if (csv) {
      listener.csvBodyStarted(file, type.charset());
    }
    try {
      long bytes = copy(response, file);
      Answer answer = classify(file, bytes, type);
      if (!(answer instanceof Answer.Data)) {
        Files.deleteIfExists(file);
      }
      if (csv) {
        listener.csvBodyEnded(file, answer instanceof Answer.Data, bytes);
      }
      return answer;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      if (csv) {
        listener.csvBodyEnded(file, false, -1);
      }
      throw e;
    }
  }

  private Answer classify(Path file, long bytes, MediaType type) throws IOException {
    if (bytes == 0) {
      return notData("an empty body instead of a report");
    }
    boolean json = type.isJson() || (type.type().isEmpty() && startsWith(file, '{', '['));
    if (type.type().isEmpty() && startsWith(file, '<')) {
      return notData("an HTML page instead of a report (a proxy or a login page?)");
    }
    if (json && bytes <= SMALL_JSON) {
      Optional<JsonFields> object = parseOrEmpty(file);
      if (object.isPresent() && object.get().hasNonNull("jobId")) {
        return new Answer.JobTicket(object.get().text("jobId", ""));
      }
      if (object.isPresent() && isError(object.get())) {
        return notData("an error instead of data: " + clean(object.get().text("errorMessage", "")));
      }
    }
    return new Answer.Data(file, bytes, json, type.charset());
  }

  private long copy(Response response, Path file) throws IOException {
    OptionalLong expected = contentLength(response);
    if (expected.isPresent()) {
      spool.checkRoomFor(expected.getAsLong());
    }
    long count = 0;
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream();
          OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          // Socket reads ignore interrupts: look between reads, so an export that gave up
          // does not wait for the rest of a large body.
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the download was stopped");
          }
          out.write(buffer, 0, n);
          count += n;
          listener.received(count);
        }
      }
    }
    if (expected.isPresent() && expected.getAsLong() != count) {
      throw new IOException(
          "the body was cut short: " + count + " of " + expected.getAsLong() + " bytes arrived");
    }
    return count;
  }

  private String errorMessage(Response response) throws IOException {
    if (response.body() == null) {
      return "";
    }
    byte[] head;
    try (InputStream in = response.body().asInputStream()) {
      head = in.readNBytes(SMALL_JSON);
    }
    String text = new String(head, UTF_8);
    try {
      // The decoded text, so that bytes that are not UTF-8 read as U+FFFD instead of failing, and
      // as text: a body in UTF-16 or after a byte order mark is not JSON here, as it was not
      // before.
      Optional<JsonFields> object = JsonFields.parse(text);
      if (object.isPresent() && object.get().hasNonNull("errorMessage")) {
        return clean(object.get().text("errorMessage", ""));
      }
    } catch (IOException e) {
      // Not JSON: describe what came instead below.
    }
    return text.stripLeading().startsWith("<") ? "an HTML page" : clean(text);
  }

  private static boolean isError(JsonFields object) {
    return "false".equalsIgnoreCase(object.text("success", ""))
        || object.has("errorMessage")
        || object.has("httpErrorCode");
  }

  private static Answer.Failure notData(String description) {
    return new Answer.Failure(200, description, Optional.empty());
  }

  private static Optional<JsonFields> parseOrEmpty(Path file) {
    try {
      return JsonFields.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(Path file, char... candidates) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      for (int c; (c = in.read()) >= 0; ) {
        if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
          return new String(candidates).indexOf(c) >= 0;
        }
      }
    }
    return false;
  }

  private static OptionalLong contentLength(Response response) {
    return header(response, "Content-Length")
        .map(
            v -> {
              try {
                return OptionalLong.of(Long.parseLong(v.trim()));
              } catch (NumberFormatException e) {
                return OptionalLong.empty();
              }
            })
        .orElse(OptionalLong.empty());
  }

  private static Optional<String> header(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        return values.stream().findFirst();
      }
    }
    return Optional.empty();
  }

  /**
   * The vendor's text as one short line, any bearer token and any secret this process holds in it
   * masked: a gateway that quotes the request's Authorization header back, or an error that quotes
   * the client secret or token, must not put them into our logs and messages.
   */
  static String clean(String text) {
    String oneLine =
        Secret.redact(text)
            .replaceAll("\\s+", " ")
            .replaceAll("\\p{Cntrl}", "")
            .replaceAll("(?i)(bearer )[^\\s\"',;]+", "$1****")
            .trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }
}
