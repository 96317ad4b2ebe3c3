package io.crewexport.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's {@code keytool}, for tests against a
 * local HTTPS server: its key store for the server, and the certificate as PEM or as a trust store
 * for the client.
 */
public final class SelfSignedCertificate {
  public static final String SERVER_PASSWORD = "server-Pass-1";

  private final Path folder;
  private final Path serverKeyStore;
  private final Certificate certificate;

  private SelfSignedCertificate(Path folder, Path serverKeyStore, Certificate certificate) {
    this.folder = folder;
    this.serverKeyStore = serverKeyStore;
    this.certificate = certificate;
  }

  /** Makes a key pair and a certificate for IP 127.0.0.1 in {@code folder}. */
  public static SelfSignedCertificate forLoopback(Path folder)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = folder.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=crewexport test",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                SERVER_PASSWORD,
                "-keypass",
                SERVER_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keyStore = KeyStore.getInstance(store.toFile(), SERVER_PASSWORD.toCharArray());
    return new SelfSignedCertificate(folder, store, keyStore.getCertificate("server"));
  }

  /** The server's key store (PKCS12, password {@link #SERVER_PASSWORD}). */
  public Path serverKeyStore() {
    return serverKeyStore;
  }

  /** The certificate as a PEM file. */
  public Path pem() throws IOException, GeneralSecurityException {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded());
    Path pem = folder.resolve("server.pem");
    Files.writeString(
        pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    return pem;
  }

  /** The certificate alone in a PKCS12 trust store protected by {@code password}. */
  public Path trustStore(String password) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("crewexport-test", certificate);
    Path file = folder.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, password.toCharArray());
    }
    return file;
  }
}
