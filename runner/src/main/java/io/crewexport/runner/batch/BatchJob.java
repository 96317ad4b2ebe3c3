package io.crewexport.runner.batch;

import static java.util.Objects.requireNonNull;

import io.crewexport.runner.plan.ExportUnit;
import io.crewexport.runner.progress.ProgressBoard;
import io.crewexport.runner.state.StateStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run needs.
 *
 * @param runId the run's id, naming its files and manifest
 * @param units the exports, in order
 * @param clients a client per account
 * @param state the run state
 * @param parallel how many exports run at once
 * @param spoolFolder where bodies are spooled
 * @param hashSalt the salt of hashed columns, or null if none are hashed
 * @param progress where running exports report progress
 */
public record BatchJob(
    String runId,
    List<ExportUnit> units,
    AccountClients clients,
    StateStore state,
    int parallel,
    Path spoolFolder,
    String hashSalt,
    ProgressBoard progress) {
  public BatchJob {
    requireNonNull(runId, "runId");
    units = List.copyOf(units);
    requireNonNull(clients, "clients");
    requireNonNull(state, "state");
    requireNonNull(spoolFolder, "spoolFolder");
    requireNonNull(progress, "progress");
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
    }
  }
}
