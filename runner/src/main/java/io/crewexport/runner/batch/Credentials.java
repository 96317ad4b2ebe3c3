package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.ClientCredentialsTokenProvider;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.Secret;
import io.crewexport.client.Sleeper;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.client.TokenProvider;
import java.time.Clock;
import java.util.Map;

/**
 * Finds the account's credentials in the environment, never on the command line (arguments leak
 * into {@code ps} and shell history): {@code CREWMOJO_TOKEN} for a ready bearer token, else {@code
 * CREWMOJO_CLIENT_ID} and {@code CREWMOJO_CLIENT_SECRET}.
 */
public final class Credentials {
  public static final String CLIENT_ID = "CREWMOJO_CLIENT_ID";
  public static final String CLIENT_SECRET = "CREWMOJO_CLIENT_SECRET";
  public static final String TOKEN = "CREWMOJO_TOKEN";

  private Credentials() {}

  /** The token provider the environment asks for. */
  public static TokenProvider fromEnvironment(
      Map<String, String> env, ClientSettings settings, Clock clock, Sleeper sleeper) {
    String token = env.get(TOKEN);
    if (token != null && !token.isBlank()) {
      return new StaticTokenProvider(Secret.of(token));
    }
    String id = env.get(CLIENT_ID);
    String secret = env.get(CLIENT_SECRET);
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "No Crewmojo credentials: set "
              + CLIENT_ID
              + " and "
              + CLIENT_SECRET
              + " (from Crewmojo's company settings), or "
              + TOKEN
              + " to use a bearer token you already have.");
    }
    return ClientCredentialsTokenProvider.create(
        settings, id.strip(), Secret.of(secret), clock, sleeper);
  }
}
