package io.crewexport.client;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Extra certificates to trust, for networks that intercept TLS with their own certificate authority
 * (a corporate proxy, say). They are trusted in addition to the Java runtime's own authorities;
 * host names are still verified.
 *
 * <p>The file is either PEM (one or more {@code -----BEGIN CERTIFICATE-----} blocks, as {@code
 * .pem}, {@code .crt} or {@code .cer}) or a PKCS12 or JKS key store. A key store's password is
 * never held here: only where to read it, an environment variable or a file, so this value can be
 * printed and logged.
 *
 * <pre>{@code
 * TrustStore corporate = TrustStore.of(Path.of("/etc/ssl/corp-ca.pem"));
 * TrustStore keyStore =
 *     TrustStore.of(Path.of("corp.p12")).withPasswordFromEnvironment("CORP_TRUST_PASSWORD");
 * }</pre>
 *
 * @param file the PEM file or key store
 * @param passwordVariable the environment variable holding the key store's password, or null
 * @param passwordFile the file holding the key store's password (first line), or null
 */
public record TrustStore(Path file, String passwordVariable, Path passwordFile) {
  public TrustStore {
    requireNonNull(file, "file");
    if (passwordVariable != null && passwordFile != null) {
      throw new IllegalArgumentException(
          "give the trust store password in an environment variable or a file, not both");
    }
    if (passwordVariable != null && passwordVariable.isBlank()) {
      throw new IllegalArgumentException("the password variable's name must not be blank");
    }
  }

  /** A trust store without a password: a PEM file, or a key store that needs none. */
  public static TrustStore of(Path file) {
    return new TrustStore(file, null, null);
  }

  /** The same store, its password read from the environment variable {@code name}. */
  public TrustStore withPasswordFromEnvironment(String name) {
    return new TrustStore(file, requireNonNull(name, "name"), null);
  }

  /** The same store, its password read from the first line of {@code passwordFile}. */
  public TrustStore withPasswordFromFile(Path passwordFile) {
    return new TrustStore(file, null, requireNonNull(passwordFile, "passwordFile"));
  }

  /** The environment variable holding the password, if one was named. */
  public Optional<String> optionalPasswordVariable() {
    return Optional.ofNullable(passwordVariable);
  }

  /** The file holding the password, if one was named. */
  public Optional<Path> optionalPasswordFile() {
    return Optional.ofNullable(passwordFile);
  }
}
