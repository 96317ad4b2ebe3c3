package io.crewexport.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import org.junit.jupiter.api.Test;

final class SecretTest {
  @Test
  void neverPrintsItself() {
    assertThat(Secret.of("hunter2-but-longer")).hasToString("****");
  }

  @Test
  void masksEverySecretItHasWrappedInOtherText() {
    Secret.of("  Zq9-client-secret ");
    Secret.of("tok-masked-7781");

    String redacted =
        Secret.redact("refused Zq9-client-secret and tok-masked-7781, twice: tok-masked-7781");

    assertThat(redacted).isEqualTo("refused **** and ****, twice: ****");
  }

  @Test
  void masksASecretQuotedUrlEncodedOrInAnotherCase() {
    Secret.of("S3cr3t/Val+ue=xyz");

    assertThat(Secret.redact("client_secret=S3cr3t%2FVal%2Bue%3Dxyz was wrong"))
        .isEqualTo("client_secret=**** was wrong");
    assertThat(Secret.redact("S3CR3T/VAL+UE=XYZ")).isEqualTo("****");
  }

  @Test
  void masksASecretQuotedAsTheJsonBodyThatSentItEscapedIt() {
    Secret.of("quote\"and\\slash");

    assertThat(Secret.redact("{\"client_secret\":\"quote\\\"and\\\\slash\"}"))
        .isEqualTo("{\"client_secret\":\"****\"}");
  }

  @Test
  void leavesShortValuesAndOtherTextAlone() {
    Secret.of("abc12");

    assertThat(Secret.redact("abc12 is a short code")).isEqualTo("abc12 is a short code");
    assertThat(Secret.redact(null)).isNull();
    assertThat(Secret.redact("")).isEmpty();
  }

  @Test
  void masksTheMessageOfEveryCrewexportException() {
    Secret.of("secret-in-message-42");

    CrewexportException e =
        new CrewexportException(ErrorCode.SERVER_ERROR, "server said secret-in-message-42");

    assertThat(e).hasMessage("server said ****");
  }
}
