package org.instantfeedback.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.embedded.twilio.TwilioSignature;
import org.instantfeedback.embedded.twilio.TwilioWebhook;

/**
 * A passenger texting the operator's number, as Twilio hands each SMS to feedback-ingest: the form
 * of Twilio's inbound-SMS webhook, signed with the account's auth token over the URL it posts to.
 */
final class Passenger {
    static final String WEBHOOK_PATH = "/v1/sms/twilio";
    private static final String ACCOUNT_SID = "AC" + "1".repeat(32);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI webhook;
    private final TwilioSignature signature;
    private final String number;
    private final String operatorNumber;

    Passenger(URI ingest, String authToken, String number, String operatorNumber) {
        this.webhook = ingest.resolve(WEBHOOK_PATH);
        this.signature = new TwilioSignature(authToken);
        this.number = number;
        this.operatorNumber = operatorNumber;
    }

    /** Posts one SMS as Twilio would, once; Twilio retries a 503 itself, and so do the tests' waits. */
    HttpResponse<String> texts(String messageSid, String body) throws Exception {
        Map<String, String> sms = TwilioWebhook.inboundSms(messageSid, ACCOUNT_SID, number, operatorNumber, body);
        HttpRequest request = TwilioWebhook.post(webhook, signature, sms).timeout(REQUEST_TIMEOUT).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String messageSid() {
        return TwilioSid.random("SM");
    }
}
