package org.instantfeedback.local.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.embedded.twilio.TwilioSignature;
import org.instantfeedback.embedded.twilio.TwilioWebhook;

/**
 * A passenger's SMS as Twilio forwards it to ingest's {@code POST /v1/sms/twilio}: form-encoded, with
 * the parameters Twilio sends, signed in {@code X-Twilio-Signature} with the account's auth token over
 * the URL ingest is called at (see Twilio's "Secure webhooks"). So simulated texts pass the very check a
 * real Twilio request does, and a wrong token shows as ingest's 403.
 */
public final class TwilioInboundSms {
    private static final String PATH = "/v1/sms/twilio";

    private final URI webhook;
    private final String accountSid;
    private final TwilioSignature signature;

    /**
     * @param accountSid the account the texts arrive on (Twilio sends it along)
     * @param authToken  the account's auth token, the one ingest checks signatures with
     */
    public TwilioInboundSms(URI ingestBaseUri, String accountSid, String authToken) {
        this.webhook = ingestBaseUri.resolve(PATH);
        this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
        this.signature = new TwilioSignature(authToken);
    }

    /** Where the texts go, for log lines (it holds no number). */
    public URI webhook() {
        return webhook;
    }

    /** The webhook request of an SMS {@code from} a passenger {@code to} an operator number. */
    HttpRequest request(String from, String to, String text) {
        Map<String, String> sms = TwilioWebhook.inboundSms(TwilioSid.random("SM"), accountSid, from, to, text);
        return TwilioWebhook.post(webhook, signature, sms).timeout(Duration.ofSeconds(10)).build();
    }
}
