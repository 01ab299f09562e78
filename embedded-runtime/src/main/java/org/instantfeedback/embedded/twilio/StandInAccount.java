package org.instantfeedback.embedded.twilio;

/**
 * A Twilio account made up for one test: its SID, auth token and an API key with its secret, all
 * fresh, so no test takes another's credentials for its own. {@link #start()} serves the account.
 */
public record StandInAccount(String accountSid, String authToken, String apiKeySid, String apiKeySecret) {

    public static StandInAccount random() {
        return new StandInAccount(TwilioSid.random("AC"), "auth-token-" + TwilioSid.random(""),
                TwilioSid.random("SK"), "key-secret-" + TwilioSid.random(""));
    }

    /** A stand-in of this account that takes both its auth token and its API key. */
    public TwilioApiStandIn start() {
        return TwilioApiStandIn.start(accountSid, authToken, apiKeySid, apiKeySecret);
    }

    @Override
    public String toString() {
        return "StandInAccount[" + accountSid + ", secrets hidden]";
    }
}
