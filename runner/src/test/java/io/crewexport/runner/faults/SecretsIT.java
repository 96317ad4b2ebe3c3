package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client secret and every token stay out of everything the tool writes, through the packaged
 * jar at DEBUG (each HTTP request logged), over a run that refreshes a token and meets a server
 * error quoting the request's own Authorization header back.
 */
final class SecretsIT {
  @TempDir Path folder;

  @Test
  void noSecretOrTokenInAnyLogLineMessageManifestStateOrOutput() throws Exception {
    Exported run =
        export(
            "leaky",
            account -> account.rivalTokenAtDownload(3).nextDownloads(Reply.echoAuthorization()),
            "2024-01-01..2024-03-31",
            "month");

    assertThat(run.result().code()).as(run.result().toString()).isZero();
    assertThat(run.result().stderr())
        .contains("DEBUG", "--> POST", "Authorization: ****", "HTTP 500");
    assertThat(run.tokenRequests()).isEqualTo(2);
    assertThat(run.secrets()).hasSize(4);
    assertThat(run.texts()).hasSizeGreaterThan(8);
    assertNoneHolds(run);
  }

  @Test
  void noTokenInTheLogsOrManifestWhenAnErrorQuotesItBare() throws Exception {
    Exported run =
        export(
            "quoting",
            account -> account.nextDownloads(Reply.quoteTokenBare()),
            "2024-01-01..2024-01-31",
            null);

    assertThat(run.result().code()).as(run.result().toString()).isEqualTo(4);
    assertThat(run.result().stderr()).contains("HTTP 400 (bad request with token ****)");
    assertThat(run.secrets()).hasSize(2);
    assertThat(run.texts()).anyMatch(text -> text.contains("\"error\"") && text.contains("****"));
    assertNoneHolds(run);
  }

  @Test
  void noTokenInTheManifestWhenAJobIdHoldsIt() throws Exception {
    Exported run =
        export(
            "jobby",
            account -> account.nextDownloads(Reply.jobNamedAfterTheToken()),
            "2024-01-01..2024-01-31",
            null);

    assertThat(run.result().code()).as(run.result().toString()).isZero();
    assertThat(run.result().stderr()).contains("job ****");
    assertThat(run.texts()).anyMatch(text -> text.contains("\"job_ids\"") && text.contains("****"));
    assertNoneHolds(run);
  }

  /**
   * A run at DEBUG of one report of account {@code name}, set up by {@code faults}, its secrets
   * (the client secret and every token issued) and every text it left: its output and each file.
   */
  private record Exported(
      CrewexportJar.Result result, List<String> secrets, long tokenRequests, List<String> texts) {}

  private Exported export(
      String name, UnaryOperator<FaultAccount> faults, String period, String window)
      throws Exception {
    List<String> secrets = new ArrayList<>();
    CrewexportJar.Result run;
    long tokenRequests;
    try (FaultServer server = FaultServer.start()) {
      FaultAccount account = faults.apply(server.account(name));
      BatchYaml yaml =
          new BatchYaml(folder.resolve("lake"))
              .account(server, name)
              .report(name, "people.report", period, window);
      Path config = yaml.write(folder.resolve("config.yaml"));
      Map<String, String> env = new HashMap<>(yaml.env());
      env.put("CREWEXPORT_LOG_LEVEL", "DEBUG");

      run = new CrewexportJar(folder).run(env, "export", "--config", config.toString());

      secrets.add(account.secret);
      secrets.addAll(account.issuedTokens());
      tokenRequests = account.tokenRequests();
    }
    List<String> texts = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return new Exported(run, secrets, tokenRequests, texts);
  }

  private static void assertNoneHolds(Exported run) {
    assertThat(run.texts()).hasSizeGreaterThan(3);
    for (String secret : run.secrets()) {
      assertThat(run.texts()).noneMatch(text -> text.contains(secret));
    }
  }
}
