package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    List<String> secrets = new ArrayList<>();
    CrewexportJar.Result run;
    try (FaultServer server = FaultServer.start()) {
      FaultAccount account =
          server.account("leaky").rivalTokenAtDownload(3).nextDownloads(Reply.echoAuthorization());
      BatchYaml yaml =
          new BatchYaml(folder.resolve("lake"))
              .account(server, "leaky")
              .report("leaky", "people.report", "2024-01-01..2024-03-31", "month");
      Path config = yaml.write(folder.resolve("config.yaml"));
      Map<String, String> env = new HashMap<>(yaml.env());
      env.put("CREWEXPORT_LOG_LEVEL", "DEBUG");

      run = new CrewexportJar(folder).run(env, "export", "--config", config.toString());

      secrets.add(account.secret);
      secrets.addAll(account.issuedTokens());
      assertThat(account.tokenRequests()).isEqualTo(2);
    }

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.stderr()).contains("DEBUG", "--> POST", "Authorization: ****", "HTTP 500");
    assertThat(secrets).hasSize(4);
    List<String> texts = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(texts).hasSizeGreaterThan(8);
    assertNoneHolds(texts, secrets);
  }

  @Test
  void noTokenInTheLogsOrManifestWhenAnErrorQuotesItBare() throws Exception {
    List<String> secrets = new ArrayList<>();
    CrewexportJar.Result run;
    try (FaultServer server = FaultServer.start()) {
      FaultAccount account = server.account("quoting").nextDownloads(Reply.quoteTokenBare());
      BatchYaml yaml =
          new BatchYaml(folder.resolve("lake"))
              .account(server, "quoting")
              .report("quoting", "people.report", "2024-01-01..2024-01-31", null);
      Path config = yaml.write(folder.resolve("config.yaml"));

      run = new CrewexportJar(folder).run(yaml.env(), "export", "--config", config.toString());

      secrets.add(account.secret);
      secrets.addAll(account.issuedTokens());
    }

    assertThat(run.code()).as(run.toString()).isEqualTo(4);
    assertThat(run.stderr()).contains("HTTP 400 (bad request with token ****)");
    assertThat(secrets).hasSize(2);
    List<String> texts = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(texts).anyMatch(text -> text.contains("\"error\"") && text.contains("****"));
    assertNoneHolds(texts, secrets);
  }

  private static void assertNoneHolds(List<String> texts, List<String> secrets) {
    assertThat(texts).hasSizeGreaterThan(3);
    for (String secret : secrets) {
      assertThat(texts).noneMatch(text -> text.contains(secret));
    }
  }
}
