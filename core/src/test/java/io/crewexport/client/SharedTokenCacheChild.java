package io.crewexport.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A second Java process for {@link SharedTokenCacheTest}: it gets a token for the test's
 * credentials through the shared cache and prints it on its last line.
 */
final class SharedTokenCacheChild {
  private static final String PREFIX = "TOKEN=";

  private SharedTokenCacheChild() {}

  public static void main(String[] args) {
    ClientSettings settings = ClientSettings.of(URI.create(args[0]));
    TokenProvider tokens =
        ClientCredentialsTokenProvider.create(
            settings,
            ClientFixture.CLIENT_ID,
            Secret.of(ClientFixture.SECRET),
            Clock.systemUTC(),
            Sleeper.SYSTEM,
            SharedTokenCache.in(Path.of(args[1])));
    System.out.println(PREFIX + tokens.current().value().reveal());
  }

  /** Runs {@link #main} in a new JVM with this one's class path; what it printed as the token. */
  static String run(String baseUrl, Path cacheFolder) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SharedTokenCacheChild.class.getName(),
                baseUrl,
                cacheFolder.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
      throw new AssertionError("the child JVM failed:\n" + output);
    }
    return output
        .lines()
        .filter(line -> line.startsWith(PREFIX))
        .map(line -> line.substring(PREFIX.length()))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("the child JVM printed no token:\n" + output));
  }
}
