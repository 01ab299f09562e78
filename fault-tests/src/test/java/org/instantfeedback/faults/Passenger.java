package org.instantfeedback.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.instantfeedback.embedded.twilio.TwilioSignature;

/**
 * A passenger texting the operator's number, as Twilio hands each SMS to feedback-ingest: the form
 * of Twilio's inbound-SMS webhook, signed with the account's auth token over the URL it posts to.
 */
final class Passenger {
    static final String WEBHOOK_PATH = "/v1/sms/twilio";
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
        Map<String, String> sms = sms(messageSid, body);
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, signature.sign(webhook.toString(), sms))
                .POST(HttpRequest.BodyPublishers.ofString(form(sms)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The fields of Twilio's inbound-SMS webhook. */
    private Map<String, String> sms(String sid, String body) {
        Map<String, String> sms = new LinkedHashMap<>();
        sms.put("ToCountry", "GB");
        sms.put("SmsMessageSid", sid);
        sms.put("NumMedia", "0");
        sms.put("SmsSid", sid);
        sms.put("SmsStatus", "received");
        sms.put("Body", body);
        sms.put("FromCountry", "GB");
        sms.put("To", operatorNumber);
        sms.put("NumSegments", "1");
        sms.put("MessageSid", sid);
        sms.put("AccountSid", "AC" + "1".repeat(32));
        sms.put("From", number);
        sms.put("ApiVersion", "2010-04-01");
        return sms;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
