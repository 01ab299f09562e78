package org.instantfeedback.local.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.embedded.twilio.TwilioSid;
import org.instantfeedback.embedded.twilio.TwilioSignature;

/**
 * A passenger's SMS as Twilio forwards it to ingest's {@code POST /v1/sms/twilio}: form-encoded, with
 * the parameters Twilio sends, signed in {@code X-Twilio-Signature} with the account's auth token over
 * the URL ingest is called at (see Twilio's "Secure webhooks"). So simulated texts pass the very check a
 * real Twilio request does, and a wrong token shows as ingest's 403.
 */
public final class TwilioInboundSms {
    private static final String PATH = "/v1/sms/twilio";
    private static final String FORM = "application/x-www-form-urlencoded";

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
        String sid = TwilioSid.random("SM");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ToCountry", "GB");
        parameters.put("SmsMessageSid", sid);
        parameters.put("NumMedia", "0");
        parameters.put("SmsSid", sid);
        parameters.put("SmsStatus", "received");
        parameters.put("Body", text);
        parameters.put("To", to);
        parameters.put("NumSegments", "1");
        parameters.put("MessageSid", sid);
        parameters.put("AccountSid", accountSid);
        parameters.put("From", from);
        parameters.put("FromCountry", "GB");
        parameters.put("ApiVersion", TwilioApiStandIn.API_VERSION);
        return HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", FORM)
                .header(TwilioSignature.HEADER, signature.sign(webhook.toString(), parameters))
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
