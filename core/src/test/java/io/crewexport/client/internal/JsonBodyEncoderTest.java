package io.crewexport.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.jackson.JacksonEncoder;
import io.crewexport.ContentType;
import io.crewexport.Period;
import io.crewexport.ReportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonBodyEncoderTest {
  private static final ReportRequest YEAR =
      new ReportRequest(
          "oneonone.summary", Period.parse("2024-01-01", "2024-12-31"), ContentType.CSV);
  private static final ReportRequest SNAPSHOT =
      ReportRequest.snapshot("people.directory", ContentType.JSON);

  @Test
  void sendsTheBytesFeignJacksonSentForTheAnnotatedRecords() {
    List<TokenBody> tokens =
        List.of(
            TokenBody.clientCredentials("client-1", "s3cret"),
            TokenBody.clientCredentials(
                "client \"quoted\" \\ back", "line\nbreak\ttab\u0001 é 日本 🙂"),
            TokenBody.clientCredentials(null, "only-a-secret"));
    List<DownloadBody> downloads =
        List.of(
            DownloadBody.of(YEAR, false),
            DownloadBody.of(YEAR, true),
            DownloadBody.of(SNAPSHOT, false),
            DownloadBody.of(SNAPSHOT, true),
            new DownloadBody(null, null, null, null));

    List<JsonBody> bodies = new ArrayList<>(tokens);
    bodies.addAll(downloads);

    for (JsonBody body : bodies) {
      assertThat(encoded(new JsonBodyEncoder(), body))
          .as("%s", body)
          .isEqualTo(encoded(new JacksonEncoder(), annotatedTwin(body)));
    }
  }

  @Test
  void leavesOutWhatIsAbsentAndWritesDatesAsNumbers() {
    String body = encoded(new JsonBodyEncoder(), DownloadBody.of(YEAR, false));

    assertThat(body)
        .contains("\"startDate\" : 20240101", "\"endDate\" : 20241231", "\"contentType\" : \"csv\"")
        .doesNotContain("jobId");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    assertThatThrownBy(
            () -> new JsonBodyEncoder().encode(Map.of("a", 1), Map.class, new RequestTemplate()))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("request bodies are JsonBody");
  }

  private static String encoded(feign.codec.Encoder encoder, Object body) {
    RequestTemplate template = new RequestTemplate();
    encoder.encode(body, body.getClass(), template);
    assertThat(template.requestCharset()).isEqualTo(UTF_8);
    return new String(template.body(), UTF_8);
  }

  private static Object annotatedTwin(JsonBody body) {
    if (body instanceof TokenBody token) {
      return new AnnotatedTokenBody(token.grantType(), token.clientId(), token.clientSecret());
    }
    DownloadBody download = (DownloadBody) body;
    return new AnnotatedDownloadBody(
        download.startDate(), download.endDate(), download.contentType(), download.jobId());
  }

  /** The token body as it was sent before: a record serialised by Jackson's annotations. */
  record AnnotatedTokenBody(
      @JsonProperty("grant_type") String grantType,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret) {}

  /** The download body as it was sent before. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AnnotatedDownloadBody(
      Integer startDate, Integer endDate, String contentType, Boolean jobId) {}
}
