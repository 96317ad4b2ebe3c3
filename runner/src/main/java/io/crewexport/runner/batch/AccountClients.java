package io.crewexport.runner.batch;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.ClientCredentialsTokenProvider;
import io.crewexport.client.ClientSettings;
import io.crewexport.client.CrewmojoClient;
import io.crewexport.client.Environment;
import io.crewexport.client.Secret;
import io.crewexport.client.SharedTokenCache;
import io.crewexport.client.Sleeper;
import io.crewexport.client.StaticTokenProvider;
import io.crewexport.client.TokenProvider;
import io.crewexport.client.TrustStore;
import io.crewexport.runner.config.AccountConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client per account, each with its own token provider shared by every export of that account,
 * and nothing shared between accounts: tenants stay apart. Secrets are read from the environment
 * variables or files the config names.
 */
public final class AccountClients {
  private final Map<String, CrewmojoClient> clients;
  private final Map<String, TokenProvider> tokens;

  private AccountClients(Map<String, CrewmojoClient> clients, Map<String, TokenProvider> tokens) {
    this.clients = clients;
    this.tokens = tokens;
  }

  /** Clients for every account of {@code accounts}. */
  public static AccountClients create(
      Map<String, AccountConfig> accounts, Map<String, String> env, Clock clock, Sleeper sleeper) {
    Map<String, CrewmojoClient> clients = new LinkedHashMap<>();
    Map<String, TokenProvider> providers = new LinkedHashMap<>();
    accounts.forEach(
        (name, account) -> {
          ClientSettings settings = settings(account);
          TokenProvider tokens = tokens(name, account, env, settings, clock, sleeper);
          providers.put(name, tokens);
          clients.put(name, new CrewmojoClient(settings, tokens, clock, sleeper));
        });
    return new AccountClients(clients, providers);
  }

  /** Clients for accounts whose clients are already made (the ad-hoc export and tests). */
  public static AccountClients of(Map<String, CrewmojoClient> clients) {
    return new AccountClients(new LinkedHashMap<>(clients), Map.of());
  }

  /** The client of {@code account}. */
  public CrewmojoClient client(String account) {
    CrewmojoClient client = clients.get(account);
    if (client == null) {
      throw new IllegalArgumentException("no client for account " + account);
    }
    return client;
  }

  /**
   * Per account, how many tokens were asked of Crewmojo so far (the first and every refresh);
   * accounts with a token of their own are left out.
   */
  public Map<String, Long> tokensRequested() {
    Map<String, Long> counts = new LinkedHashMap<>();
    tokens.forEach(
        (name, provider) -> {
          if (provider instanceof ClientCredentialsTokenProvider credentials) {
            counts.put(name, credentials.tokensRequested());
          }
        });
    return counts;
  }

  static ClientSettings settings(AccountConfig account) {
    ClientSettings settings =
        ClientSettings.of(
            account.baseUrl() != null
                ? account.baseUrl()
                : account.environment() != null
                    ? Environment.parse(account.environment()).baseUrl()
                    : Environment.PRODUCTION.baseUrl());
    if (account.connectTimeoutSeconds() != null) {
      settings = settings.withConnectTimeout(Duration.ofSeconds(account.connectTimeoutSeconds()));
    }
    if (account.readTimeoutSeconds() != null) {
      settings = settings.withReadTimeout(Duration.ofSeconds(account.readTimeoutSeconds()));
    }
    if (account.trustStore() != null) {
      TrustStore store = TrustStore.of(account.trustStore());
      if (account.trustStorePasswordEnv() != null) {
        store = store.withPasswordFromEnvironment(account.trustStorePasswordEnv());
      } else if (account.trustStorePasswordFile() != null) {
        store = store.withPasswordFromFile(account.trustStorePasswordFile());
      }
      settings = settings.withTrustStore(store);
    }
    return settings;
  }

  private static TokenProvider tokens(
      String name,
      AccountConfig account,
      Map<String, String> env,
      ClientSettings settings,
      Clock clock,
      Sleeper sleeper) {
    if (account.tokenEnv() != null || account.tokenFile() != null) {
      return new StaticTokenProvider(
          secret(name, "token", account.tokenEnv(), account.tokenFile(), env));
    }
    String clientId =
        account.clientId() != null
            ? account.clientId()
            : secret(name, "client id", account.clientIdEnv(), null, env).reveal();
    Secret secret =
        secret(name, "client secret", account.clientSecretEnv(), account.clientSecretFile(), env);
    return account.tokenCacheDir() == null
        ? ClientCredentialsTokenProvider.create(settings, clientId, secret, clock, sleeper)
        : ClientCredentialsTokenProvider.create(
            settings,
            clientId,
            secret,
            clock,
            sleeper,
            SharedTokenCache.in(account.tokenCacheDir()));
  }

  private static Secret secret(
      String account, String what, String envName, String file, Map<String, String> env) {
    if (envName != null) {
      String value = env.get(envName);
      if (value == null || value.isBlank()) {
        throw new CrewexportException(
            ErrorCode.CONFIGURATION,
            "Account "
                + account
                + ": the "
                + what
                + " is to come from environment variable "
                + envName
                + " (accounts."
                + account
                + "."
                + what.replace(' ', '-')
                + "-env), which is not set. Set it, or change the config.");
      }
      return Secret.of(value);
    }
    try {
      return Secret.of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Account "
              + account
              + ": cannot read the "
              + what
              + " from "
              + file
              + " (accounts."
              + account
              + "."
              + what.replace(' ', '-')
              + "-file: "
              + e.getClass().getSimpleName()
              + "). Check the path and that it is not empty.");
    }
  }
}
