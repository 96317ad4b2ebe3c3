package io.crewexport.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.crewexport.spi.ReportSink;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class CsvSinkModuleTest {

  @Test
  void bindsTheSinkUnderItsName() {
    Map<String, ReportSink> sinks =
        Guice.createInjector(new CsvSinkModule())
            .getInstance(Key.get(new TypeLiteral<Map<String, ReportSink>>() {}));

    assertThat(sinks).containsOnlyKeys("csv");
    assertThat(sinks.get("csv")).isInstanceOf(CsvSink.class);
    assertThat(sinks.get("csv").name()).isEqualTo("csv");
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
        .contains(CsvSinkModule.class);
  }
}
