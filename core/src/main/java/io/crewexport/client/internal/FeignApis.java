package io.crewexport.client.internal;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.crewexport.Version;
import io.crewexport.client.ClientSettings;
import javax.net.ssl.SSLSocketFactory;

/** Builds the Feign clients for the vendor's API from the client settings. */
public final class FeignApis {
  private FeignApis() {}

  public static ReportApi reportApi(ClientSettings settings) {
    return builder(settings).target(ReportApi.class, settings.baseUrlText());
  }

  public static TokenApi tokenApi(ClientSettings settings) {
    return builder(settings).target(TokenApi.class, settings.baseUrlText());
  }

  private static Feign.Builder builder(ClientSettings settings) {
    return Feign.builder()
        .client(client(settings))
        .encoder(new JsonBodyEncoder())
        // Retries, including on I/O errors, are the Retrier's job, within the vendor's rules.
        .retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
        .requestInterceptor(template -> template.header("User-Agent", Version.userAgent()))
        .logger(new RedactingFeignLogger())
        .logLevel(Logger.Level.HEADERS);
  }

  private static Client client(ClientSettings settings) {
    // Null keeps the runtime's defaults; the host name is verified either way. Request bodies
    // are tiny and buffered: in streaming mode HttpURLConnection drops the body of a 401, and
    // with it the vendor's errorMessage.
    SSLSocketFactory sockets =
        settings
            .optionalTrustStore()
            .map(store -> TrustedSockets.factory(store, System.getenv()))
            .orElse(null);
    return new Client.Default(sockets, null, false);
  }
}
