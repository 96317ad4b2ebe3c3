package io.crewexport.sink.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.crewexport.spi.ReportSink;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class DuckDbSinkModuleTest {

  @Test
  void bindsTheSinkUnderItsName() {
    Map<String, ReportSink> sinks =
        Guice.createInjector(new DuckDbSinkModule())
            .getInstance(Key.get(new TypeLiteral<Map<String, ReportSink>>() {}));

    assertThat(sinks).containsOnlyKeys("duckdb");
    assertThat(sinks.get("duckdb")).isInstanceOf(DuckDbSink.class);
    assertThat(sinks.get("duckdb").name()).isEqualTo("duckdb");
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(Module.class))
        .anySatisfy(module -> assertThat(module).isInstanceOf(DuckDbSinkModule.class));
  }
}
