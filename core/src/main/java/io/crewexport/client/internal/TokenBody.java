package io.crewexport.client.internal;

import static io.crewexport.client.internal.JsonBody.writeFieldIfPresent;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The JSON body of a token request. Its {@link #toString()} hides the secret. */
public record TokenBody(String grantType, String clientId, String clientSecret)
    implements JsonBody {

  public static TokenBody clientCredentials(String clientId, String clientSecret) {
    return new TokenBody("client_credentials", clientId, clientSecret);
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    writeFieldIfPresent(json, "grant_type", grantType);
    writeFieldIfPresent(json, "client_id", clientId);
    writeFieldIfPresent(json, "client_secret", clientSecret);
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
