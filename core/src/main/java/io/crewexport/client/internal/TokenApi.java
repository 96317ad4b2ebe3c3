package io.crewexport.client.internal;

import feign.Headers;
import feign.RequestLine;
import feign.Response;

/** The vendor's OAuth2 client-credentials token call. */
public interface TokenApi {

  @RequestLine("POST /v1/oauth/token")
  @Headers({"Content-Type: application/json", "Accept: application/json"})
  Response requestToken(TokenBody body);
}
