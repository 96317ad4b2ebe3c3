package io.crewexport.runner.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * One Crewmojo account (tenant): where its API is and where its credentials are. The config names
 * environment variables or files holding secrets, never a secret itself.
 *
 * @param environment {@code test} or {@code production}, unless {@code baseUrl} is given
 * @param baseUrl any base URL, for proxies and gateways
 * @param clientId the client id (not a secret), or use {@code clientIdEnv}
 * @param clientIdEnv the environment variable holding the client id
 * @param clientSecretEnv the environment variable holding the client secret
 * @param clientSecretFile a file holding the client secret
 * @param tokenEnv the environment variable holding a ready bearer token
 * @param tokenFile a file holding a ready bearer token
 * @param connectTimeoutSeconds connection timeout
 * @param readTimeoutSeconds how long a read may stall
 * @param trustStore extra certificates to trust (PEM, PKCS12 or JKS), for TLS interception
 * @param trustStorePasswordEnv the environment variable holding the trust store's password
 * @param trustStorePasswordFile a file holding the trust store's password
 * @param tokenCacheDir a folder where runs with these credentials share their token (mode 600)
 */
public record AccountConfig(
    String environment,
    URI baseUrl,
    String clientId,
    String clientIdEnv,
    String clientSecretEnv,
    String clientSecretFile,
    String tokenEnv,
    String tokenFile,
    Integer connectTimeoutSeconds,
    Integer readTimeoutSeconds,
    Path trustStore,
    String trustStorePasswordEnv,
    Path trustStorePasswordFile,
    Path tokenCacheDir) {
  public AccountConfig {
    if (environment != null && baseUrl != null) {
      throw new IllegalArgumentException("give environment or base-url, not both");
    }
    boolean token = tokenEnv != null || tokenFile != null;
    boolean secret = clientSecretEnv != null || clientSecretFile != null;
    boolean id = clientId != null || clientIdEnv != null;
    if (token == secret) {
      throw new IllegalArgumentException(
          "give either client-secret-env or client-secret-file (with client-id or client-id-env),"
              + " or token-env or token-file");
    }
    if (secret && !id) {
      throw new IllegalArgumentException("a client secret needs client-id or client-id-env");
    }
    if (trustStore == null && (trustStorePasswordEnv != null || trustStorePasswordFile != null)) {
      throw new IllegalArgumentException("a trust store password needs trust-store");
    }
    if (tokenCacheDir != null && token) {
      throw new IllegalArgumentException("token-cache-dir is for client credentials, not a token");
    }
    if (connectTimeoutSeconds != null && connectTimeoutSeconds < 1
        || readTimeoutSeconds != null && readTimeoutSeconds < 1) {
      throw new IllegalArgumentException("timeouts are whole seconds, at least 1");
    }
  }
}
