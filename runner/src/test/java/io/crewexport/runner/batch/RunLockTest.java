package io.crewexport.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.CrewexportException;
import io.crewexport.runner.state.RunLock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunLockTest {
  @TempDir Path folder;

  @Test
  void refusesASecondRunNamingTheHolder() {
    try (RunLock first = RunLock.acquire(folder, "run-1")) {
      assertThatThrownBy(() -> RunLock.acquire(folder, "run-2"))
          .isInstanceOf(CrewexportException.class)
          .hasMessageContaining("Another crewexport run holds")
          .hasMessageContaining("run run-1, pid " + ProcessHandle.current().pid());
    }
    RunLock.acquire(folder, "run-3").close();
    assertThat(folder.resolve("lock")).content().contains("run-3");
  }
}
