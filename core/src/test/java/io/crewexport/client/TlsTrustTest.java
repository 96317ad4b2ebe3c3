package io.crewexport.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.crewexport.client.ClientFixture.DOWNLOAD;
import static io.crewexport.client.ClientFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.client.internal.TrustedSockets;
import io.crewexport.testing.ManualClock;
import io.crewexport.testing.SelfSignedCertificate;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local HTTPS server with a self-signed certificate: refused, unless trusted explicitly. */
final class TlsTrustTest {
  private static final String STORE_PASSWORD = "trust-Pass-42";
  private static final String BODY = "Employee\r\nAda\r\n";

  @TempDir static Path keys;
  private static SelfSignedCertificate certificate;
  private static WireMockServer server;

  @TempDir Path spool;
  private final ManualClock clock = new ManualClock();

  @BeforeAll
  static void startHttpsServer() throws Exception {
    certificate = SelfSignedCertificate.forLoopback(keys);
    server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(certificate.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(SelfSignedCertificate.SERVER_PASSWORD)
                .keyManagerPassword(SelfSignedCertificate.SERVER_PASSWORD));
    server.start();
  }

  @AfterAll
  static void stopHttpsServer() {
    server.stop();
  }

  @BeforeEach
  void stubApi() {
    server.resetAll();
    server.stubFor(post(urlEqualTo(DOWNLOAD)).willReturn(csv(BODY)));
    server.stubFor(
        post(urlEqualTo("/v1/oauth/token"))
            .willReturn(
                WireMock.okJson(
                    "{\"access_token\":\"tok-tls\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
  }

  @Test
  void refusesASelfSignedServerAtOnceWhenItIsNotTrusted() {
    CrewmojoClient client = client(settings());

    assertThatThrownBy(() -> client.download(TruncatedBodyTest.JANUARY, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("oneonone.summary [2024-01-01..2024-01-31]")
        .hasMessageContaining("TLS certificate is not trusted")
        .hasMessageContaining("trust store")
        .extracting(e -> ((CrewexportException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
    assertThat(clock.sleeps()).as("not retried").isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void trustsTheServerWhoseCertificateIsGivenAsPem() throws Exception {
    ClientSettings settings = settings().withTrustStore(TrustStore.of(certificate.pem()));
    TokenProvider tokens =
        ClientCredentialsTokenProvider.create(
            settings, "client-tls", Secret.of("secret-tls"), clock, clock.sleeper());

    try (DownloadedReport report =
        new CrewmojoClient(settings, tokens, clock, clock.sleeper())
            .download(TruncatedBodyTest.JANUARY, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
    }
  }

  @Test
  void trustsTheServerThroughAKeyStoreWhosePasswordIsInAFile() throws Exception {
    Path passwordFile = keys.resolve("trust-password.txt");
    Files.writeString(passwordFile, STORE_PASSWORD + "\n");
    TrustStore store =
        TrustStore.of(certificate.trustStore(STORE_PASSWORD)).withPasswordFromFile(passwordFile);

    try (DownloadedReport report =
        client(settings().withTrustStore(store)).download(TruncatedBodyTest.JANUARY, spool)) {
      assertThat(Files.readString(report.file())).isEqualTo(BODY);
    }
  }

  @Test
  void readsAKeyStorePasswordFromTheNamedEnvironmentVariable() throws Exception {
    TrustStore store =
        TrustStore.of(certificate.trustStore(STORE_PASSWORD))
            .withPasswordFromEnvironment("CORP_TRUST_PASSWORD");

    HttpsURLConnection connection =
        (HttpsURLConnection) new URL(baseUrl() + "/__admin/health").openConnection();
    connection.setSSLSocketFactory(
        TrustedSockets.factory(store, Map.of("CORP_TRUST_PASSWORD", STORE_PASSWORD)));

    assertThat(connection.getResponseCode()).isEqualTo(200);
    connection.disconnect();
  }

  @Test
  void refusesAKeyStoreWithTheWrongPasswordWithoutPrintingIt() throws Exception {
    TrustStore store =
        TrustStore.of(certificate.trustStore(STORE_PASSWORD))
            .withPasswordFromEnvironment("CORP_TRUST_PASSWORD");

    assertThatThrownBy(
            () -> TrustedSockets.factory(store, Map.of("CORP_TRUST_PASSWORD", "wrong-Pass-7")))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("Cannot use the trust store " + store.file())
        .hasMessageNotContaining("wrong-Pass-7")
        .hasMessageNotContaining(STORE_PASSWORD);
    assertThatThrownBy(() -> TrustedSockets.factory(store, Map.of()))
        .hasMessageContaining("CORP_TRUST_PASSWORD is not set");
  }

  @Test
  void settingsNameWhereThePasswordIsButNeverThePassword() throws Exception {
    TrustStore store =
        TrustStore.of(certificate.trustStore(STORE_PASSWORD))
            .withPasswordFromEnvironment("CORP_TRUST_PASSWORD");

    String printed = settings().withTrustStore(store).toString();

    assertThat(printed).contains("CORP_TRUST_PASSWORD").doesNotContain(STORE_PASSWORD);
  }

  @Test
  void stillChecksTheHostNameOfATrustedCertificate() throws Exception {
    // The certificate names 127.0.0.1 only; the same server reached as localhost is refused.
    ClientSettings settings =
        ClientSettings.of(URI.create("https://localhost:" + server.httpsPort()))
            .withTrustStore(TrustStore.of(certificate.pem()));

    assertThatThrownBy(() -> client(settings).download(TruncatedBodyTest.JANUARY, spool))
        .isInstanceOf(CrewexportException.class)
        .hasMessageContaining("No name matching localhost");
  }

  private static String baseUrl() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  private static ClientSettings settings() {
    return ClientSettings.of(URI.create(baseUrl()))
        .withConnectTimeout(Duration.ofSeconds(2))
        .withReadTimeout(Duration.ofSeconds(5));
  }

  private CrewmojoClient client(ClientSettings settings) {
    return new CrewmojoClient(
        settings, new StaticTokenProvider(Secret.of("tok-tls")), clock, clock.sleeper());
  }
}
