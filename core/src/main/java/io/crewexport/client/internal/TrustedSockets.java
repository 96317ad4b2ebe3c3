package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS socket factory for a {@link TrustStore}: the Java runtime's certificate
 * authorities plus the store's certificates, validated by the runtime's usual PKIX checks.
 */
public final class TrustedSockets {
  private TrustedSockets() {}

  /**
   * A socket factory trusting the runtime's authorities and {@code store}'s certificates.
   *
   * @param env where a password named by an environment variable is looked up
   * @throws CrewexportException {@code CONFIGURATION} when the store cannot be read
   */
  public static SSLSocketFactory factory(TrustStore store, Map<String, String> env) {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int index = 0;
      for (X509Certificate certificate : runtimeAuthorities()) {
        anchors.setCertificateEntry("runtime-" + index++, certificate);
      }
      for (Certificate certificate : certificates(store, env)) {
        anchors.setCertificateEntry("extra-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw unreadable(store, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> runtimeAuthorities() throws GeneralSecurityException {
    TrustManagerFactory runtime =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    runtime.init((KeyStore) null);
    List<X509Certificate> authorities = new ArrayList<>();
    for (TrustManager manager : runtime.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        Collections.addAll(authorities, x509.getAcceptedIssuers());
      }
    }
    return authorities;
  }

  private static List<Certificate> certificates(TrustStore store, Map<String, String> env)
      throws GeneralSecurityException, IOException {
    List<Certificate> certificates =
        isPem(store.file()) ? readPem(store.file()) : readKeyStore(store, password(store, env));
    if (certificates.isEmpty()) {
      throw unreadable(store, "it holds no certificate", null);
    }
    return certificates;
  }

  private static boolean isPem(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(256), StandardCharsets.US_ASCII);
      return head.contains("-----BEGIN");
    }
  }

  private static List<Certificate> readPem(Path file) throws GeneralSecurityException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
    }
  }

  private static List<Certificate> readKeyStore(TrustStore store, char[] password)
      throws GeneralSecurityException, IOException {
    // The type (PKCS12 or JKS) is recognised from the file's content.
    KeyStore keyStore = KeyStore.getInstance(store.file().toFile(), password);
    List<Certificate> certificates = new ArrayList<>();
    for (String alias : Collections.list(keyStore.aliases())) {
      Certificate certificate = keyStore.getCertificate(alias);
      if (certificate != null) {
        certificates.add(certificate);
      }
    }
    return certificates;
  }

  private static char[] password(TrustStore store, Map<String, String> env) throws IOException {
    if (store.optionalPasswordVariable().isPresent()) {
      String name = store.optionalPasswordVariable().get();
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw unreadable(store, "the environment variable " + name + " is not set", null);
      }
      return value.toCharArray();
    }
    if (store.optionalPasswordFile().isPresent()) {
      List<String> lines = Files.readAllLines(store.optionalPasswordFile().get());
      return lines.isEmpty() ? new char[0] : lines.get(0).strip().toCharArray();
    }
    return null;
  }

  private static CrewexportException unreadable(TrustStore store, String why, Exception cause) {
    return new CrewexportException(
        ErrorCode.CONFIGURATION,
        "Cannot use the trust store "
            + store.file()
            + ": "
            + why
            + ". Give a PEM file of CA certificates, or a PKCS12 or JKS key store with its"
            + " password in an environment variable or a file.",
        cause);
  }
}
