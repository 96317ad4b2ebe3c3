package io.crewexport.read;

import static io.crewexport.read.Bodies.json;
import static io.crewexport.read.Bodies.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonReportReaderTest {
  @TempDir Path folder;

  @Test
  void ordersColumnsByFirstAppearanceWithMissingKeysEmpty() {
    ReportReader reader =
        json(
            folder, "[{\"Name\":\"Al\",\"Age\":3},{\"Age\":4,\"Team\":\"Ops\"},{\"Name\":\"Bo\"}]");
    assertThat(reader.headings()).containsExactly("Name", "Age", "Team");
    assertThat(readAll(reader))
        .containsExactly(
            new String[] {"Al", "3", null},
            new String[] {null, "4", "Ops"},
            new String[] {"Bo", null, null});
  }

  @Test
  void findsTheRowsInAWrappingObject() {
    ReportReader reader =
        json(folder, "{\"meta\":{\"rows\":[1]},\"data\":[{\"a\":\"x\"}],\"n\":1}");
    assertThat(reader.headings()).containsExactly("a");
    assertThat(readAll(reader)).containsExactly(new String[] {"x"});
  }

  @Test
  void keepsNestedValuesAsJsonTextWithNumbersAsWritten() {
    ReportReader reader =
        json(folder, "[{\"a\":{\"x\":[1.50, 1e2, -0]},\"b\":[\"é\",null,true,{}]}]");
    assertThat(readAll(reader))
        .containsExactly(new String[] {"{\"x\":[1.50,1e2,-0]}", "[\"é\",null,true,{}]"});
  }

  @Test
  void keepsScalarsAsWrittenAndNullOrEmptyAsEmpty() {
    ReportReader reader =
        json(
            folder,
            "[{\"n\":20240131,\"d\":-1.250,\"b\":false,\"s\":\"Yes\",\"z\":null,\"e\":\"\"}]");
    assertThat(readAll(reader))
        .containsExactly(new String[] {"20240131", "-1.250", "false", "Yes", null, null});
  }

  @Test
  void makesARepeatedKeyASecondColumnOfTheSameHeading() {
    ReportReader reader = json(folder, "[{\"t\":\"a\",\"t\":\"b\"},{\"t\":\"c\"}]");
    assertThat(reader.headings()).containsExactly("t", "t");
    assertThat(readAll(reader)).containsExactly(new String[] {"a", "b"}, new String[] {"c", null});
  }

  @Test
  void readsAnEmptyArrayAsNoColumnsAndNoRows() {
    ReportReader reader = json(folder, "[]");
    assertThat(reader.headings()).isEmpty();
    assertThat(readAll(reader)).isEmpty();
  }

  @Test
  void refusesAnArrayOfNonObjectsNamingWhere() {
    assertThatThrownBy(() -> json(folder, "[{\"a\":1},\n  \"oops\"]"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("test report: the JSON body cannot be read")
        .hasMessageContaining("line 2, column 3: an element of the row array is a string")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.MALFORMED_REPORT);
  }

  @Test
  void refusesABodyThatHoldsNoArray() {
    assertThatThrownBy(() -> json(folder, "{\"success\":\"true\"}"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("the body is an object, not an array of objects");
    assertThatThrownBy(() -> json(folder, "42"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("the body is a number");
  }

  @Test
  void namesTheLineAndColumnOfASyntaxError() {
    assertThatThrownBy(() -> json(folder, "[{\"a\":1},\n{\"a\":2,}]"))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("line 2, column 8: Unexpected character ('}'");
  }

  @Test
  void namesTheLineOfInvalidUtf8() {
    byte[] body = "[{\"a\":\"x\"},\n{\"a\":\"?\"}]".getBytes(UTF_8);
    body[17] = (byte) 0xC0;
    assertThatThrownBy(() -> json(folder, body, UTF_8))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining(
            "line 2 holds bytes that are not valid UTF-8 (0xC0 at byte offset 17)");
  }

  @Test
  void decodesLatin1WhenDeclaredAndDropsAByteOrderMark() {
    byte[] latin1 = "[{\"Nom\":\"Joël\"}]".getBytes(ISO_8859_1);
    assertThat(readAll(json(folder, latin1, ISO_8859_1))).containsExactly(new String[] {"Joël"});
    assertThat(json(folder, "\uFEFF[{\"部署\":\"😀\"}]").headings()).containsExactly("部署");
  }
}
