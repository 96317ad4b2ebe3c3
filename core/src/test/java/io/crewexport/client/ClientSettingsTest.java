package io.crewexport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import java.net.URI;
import org.junit.jupiter.api.Test;

final class ClientSettingsTest {
  @Test
  void takesASchemeInAnyCaseAndGivesFeignItInLowerCase() {
    assertThat(ClientSettings.of(URI.create("HTTPS://api.example.com/v1/")).baseUrlText())
        .isEqualTo("https://api.example.com/v1");
    assertThat(ClientSettings.of(URI.create("Http://127.0.0.1:8080")).baseUrlText())
        .isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void refusesPlainHttpToAnotherMachineWhateverTheSchemesCase() {
    assertThatThrownBy(() -> ClientSettings.of(URI.create("HTTP://api.example.com")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("uses plain http to a host that is not this machine");
  }
}
