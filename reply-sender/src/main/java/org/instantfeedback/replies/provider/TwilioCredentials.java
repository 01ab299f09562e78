package org.instantfeedback.replies.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The HTTP Basic credentials of Twilio's REST API: the account SID with its auth token, or an API
 * key's SID ({@code SK...}) with its secret. Twilio recommends API keys in production, since one can
 * be revoked without rotating the account's token; either way the request's path names the account.
 *
 * @param username the account SID or the API key SID
 * @param password the auth token or the API key secret
 */
public record TwilioCredentials(String username, Secret password) {

    public TwilioCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static TwilioCredentials authToken(String accountSid, Secret authToken) {
        return new TwilioCredentials(accountSid, authToken);
    }

    public static TwilioCredentials apiKey(String apiKeySid, Secret apiKeySecret) {
        return new TwilioCredentials(apiKeySid, apiKeySecret);
    }

    String authorizationHeader() {
        String pair = username + ":" + password.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
