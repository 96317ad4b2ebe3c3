package io.crewexport.client.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON body of a token request. Its {@link #toString()} hides the secret. */
public record TokenBody(
    @JsonProperty("grant_type") String grantType,
    @JsonProperty("client_id") String clientId,
    @JsonProperty("client_secret") String clientSecret) {

  public static TokenBody clientCredentials(String clientId, String clientSecret) {
    return new TokenBody("client_credentials", clientId, clientSecret);
  }

  @Override
  public String toString() {
    return "TokenBody[grant_type="
        + grantType
        + ", client_id="
        + clientId
        + ", client_secret=****]";
  }
}
