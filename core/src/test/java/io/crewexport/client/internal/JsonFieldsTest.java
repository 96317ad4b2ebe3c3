package io.crewexport.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonFields} answers as the {@code ObjectMapper} tree that read the vendor's answers
 * before: the same fields, texts, numbers and failures.
 */
class JsonFieldsTest {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final List<String> NAMES =
      List.of("access_token", "expires_in", "jobId", "errorMessage", "success", "httpErrorCode");

  @Test
  void readsTheAnswersTheVendorSends() throws IOException {
    JsonFields token =
        JsonFields.parse(
                "{\"access_token\":\"abc.def\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    .getBytes(UTF_8))
            .orElseThrow();
    assertThat(token.text("access_token", "")).isEqualTo("abc.def");
    assertThat(token.asLong("expires_in", 1800)).isEqualTo(3600);
    assertThat(token.asLong("missing", 1800)).isEqualTo(1800);

    JsonFields ticket = JsonFields.parse("{\"jobId\": 12345}".getBytes(UTF_8)).orElseThrow();
    assertThat(ticket.text("jobId", "")).isEqualTo("12345");

    JsonFields error =
        JsonFields.parse(
                "{\"success\":false,\"errorMessage\":null,\"data\":{\"x\":[1,2]}}".getBytes(UTF_8))
            .orElseThrow();
    assertThat(error.text("success", "")).isEqualTo("false");
    assertThat(error.has("errorMessage")).isTrue();
    assertThat(error.hasNonNull("errorMessage")).isFalse();
    assertThat(error.text("errorMessage", "none")).isEqualTo("none");
    assertThat(error.text("data", "none")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[1, 2]",
        "\"text\"",
        "42",
        "null",
        "{\"a\":1",
        "{\"a\":\"unterminated}",
        "\"unterminated",
        "{\"a\":[1,2}",
        "{\"a\":{\"b\":\"\\q\"}}",
        "{a:1}",
        "{\"a\":1,}",
        "{\"a\":01}",
        "{\"a\":1} trailing",
        "{\"a\":1}}",
        "\uFEFF{\"jobId\":\"7\"}",
        "{\"jobId\":\"1\",\"jobId\":\"2\"}",
        "{\"expires_in\":\" 60 \"}",
        "{\"expires_in\":\"1e3\"}",
        "{\"expires_in\":2.9e2}",
        "{\"expires_in\":-0}",
        "{\"expires_in\":123456789012345678901234567890}",
        "{\"expires_in\":1e400}",
        "{\"expires_in\":true}",
        "{\"jobId\":1.0E-5}",
        "{\"jobId\":[\"x\"]}",
        "{\"success\":\"FALSE\"}",
        "{\"errorMessage\":\"caf\\u00e9 \\ud83d\\ude00\"}"
      })
  void answersAsTheTreeDoes(String json) {
    assertSameAsTree(json.getBytes(UTF_8));
  }

  @Test
  void answersAsTheTreeDoesForBytesThatAreNotUtf8() {
    assertSameAsTree(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
    assertSameAsTree(new byte[] {'{', '"', 'a', '"', ':', '[', '"', (byte) 0xFF, '"', ']', '}'});
    assertSameAsTree(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
  }

  @Test
  void answersAsTheTreeDoesForRandomAndCutDocuments() {
    Random random = new Random(20261205);
    for (int i = 0; i < 20_000; i++) {
      byte[] json = randomDocument(random).getBytes(UTF_8);
      assertSameAsTree(json);
      int cut = random.nextInt(json.length + 1);
      assertSameAsTree(java.util.Arrays.copyOf(json, cut));
      assertSameAsTreeOfText(new String(json, 0, cut, UTF_8));
    }
  }

  @Test
  void answersAsTheTreeOfTheTextDoesForErrorBodiesInOtherEncodings() {
    // An error body is decoded as UTF-8 first, then read as text; so the tree read it.
    String json = "{\"errorMessage\":\"Job not found\"}";
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE")) {
      assertSameAsTreeOfText(new String(json.getBytes(Charset.forName(charset)), UTF_8));
    }
    assertSameAsTreeOfText("\uFEFF" + json);
    assertSameAsTreeOfText("\u0000\u0000\u0000" + json);
    assertSameAsTreeOfText(json);
  }

  private static void assertSameAsTree(byte[] json) {
    assertSameAsTree(
        new String(json, UTF_8), () -> TREE.readTree(json), () -> JsonFields.parse(json));
  }

  /** As for bytes, for text, which the tree read without guessing an encoding. */
  private static void assertSameAsTreeOfText(String json) {
    assertSameAsTree(json, () -> TREE.readTree(json), () -> JsonFields.parse(json));
  }

  private interface Read<T> {
    T read() throws IOException;
  }

  private static void assertSameAsTree(
      String shown, Read<JsonNode> treeOf, Read<Optional<JsonFields>> fieldsOf) {
    JsonNode tree;
    try {
      tree = treeOf.read();
    } catch (IOException e) {
      tree = null;
    }
    Optional<JsonFields> fields;
    try {
      fields = fieldsOf.read();
    } catch (IOException e) {
      assertThat(tree).as("the tree read %s, JsonFields failed: %s", shown, e).isNull();
      return;
    }
    assertThat(tree).as("JsonFields read %s, the tree failed", shown).isNotNull();
    assertThat(fields.isPresent()).as("an object: %s", shown).isEqualTo(tree.isObject());
    if (fields.isEmpty()) {
      return;
    }
    for (String name : NAMES) {
      String about = name + " in " + shown;
      assertThat(fields.get().has(name)).as(about).isEqualTo(tree.has(name));
      assertThat(fields.get().hasNonNull(name)).as(about).isEqualTo(tree.hasNonNull(name));
      assertThat(fields.get().text(name, "?")).as(about).isEqualTo(tree.path(name).asText("?"));
      assertThat(fields.get().asLong(name, -7)).as(about).isEqualTo(tree.path(name).asLong(-7));
    }
  }

  private static String randomDocument(Random random) {
    StringBuilder json = new StringBuilder();
    switch (random.nextInt(10)) {
      case 0 -> json.append(randomValue(random, 2));
      case 1 -> json.append('[').append(randomValue(random, 2)).append(']');
      default -> {
        json.append('{');
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
          if (i > 0) {
            json.append(',');
          }
          String name = random.nextInt(5) == 0 ? "other" + random.nextInt(3) : pick(random, NAMES);
          json.append('"').append(name).append("\":").append(randomValue(random, 2));
        }
        json.append('}');
      }
    }
    return random.nextInt(20) == 0
        ? json + pick(random, List.of(" ", "}", "x", ","))
        : json.toString();
  }

  private static String randomValue(Random random, int depth) {
    return switch (random.nextInt(depth > 0 ? 10 : 8)) {
      case 0 -> "\"" + pick(random, TEXTS) + "\"";
      case 1 -> String.valueOf(random.nextInt());
      case 2 -> String.valueOf(random.nextLong());
      case 3 -> pick(random, NUMBERS);
      case 4 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 5 -> pick(random, List.of("true", "false", "null"));
      case 6 -> "\"" + random.nextInt(100_000) + "\"";
      case 7 -> "\"" + (random.nextInt(3) - 1) * random.nextLong() + "\"";
      case 8 -> "{\"x\":" + randomValue(random, depth - 1) + "}";
      default -> {
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          items.add(randomValue(random, depth - 1));
        }
        yield "[" + String.join(",", items) + "]";
      }
    };
  }

  private static final List<String> TEXTS =
      List.of(
          "",
          "abc",
          " 42 ",
          "42",
          "-17",
          "1e3",
          "2.5",
          "0x10",
          "99999999999999999999",
          "caf\u00e9",
          "\\u00e9",
          "\\\"quoted\\\"",
          "tab\\there",
          "\\ud83d\\ude00",
          "false",
          "FALSE",
          "null",
          "NaN");

  private static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "1.0",
          "-0.0",
          "1e3",
          "1E-3",
          "2.5e-320",
          "1e400",
          "-1e400",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "123456789012345678901234567890",
          "0.1",
          "3.14159265358979323846");

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
