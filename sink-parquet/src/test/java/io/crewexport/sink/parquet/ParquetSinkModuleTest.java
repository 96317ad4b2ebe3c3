package io.crewexport.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.crewexport.spi.ReportSink;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class ParquetSinkModuleTest {

  @Test
  void bindsTheSinkUnderItsName() {
    Map<String, ReportSink> sinks =
        Guice.createInjector(new ParquetSinkModule())
            .getInstance(Key.get(new TypeLiteral<Map<String, ReportSink>>() {}));

    assertThat(sinks).containsOnlyKeys("parquet");
    assertThat(sinks.get("parquet")).isInstanceOf(ParquetSink.class);
    assertThat(sinks.get("parquet").name()).isEqualTo("parquet");
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
        .contains(ParquetSinkModule.class);
  }
}
