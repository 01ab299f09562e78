package org.instantfeedback.embedded.twilio;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests Twilio makes to an operator's webhooks, for the tests and simulators that play
 * Twilio: form-encoded parameters, signed in {@value TwilioSignature#HEADER} with the account's auth
 * token over the URL Twilio was given (see Twilio's "Secure webhooks").
 */
public final class TwilioWebhook {
    public static final String CONTENT_TYPE = FormEncoding.CONTENT_TYPE;

    private TwilioWebhook() {
    }

    /**
     * What Twilio posts for an SMS a passenger sends to the operator's number: the fields and shapes
     * of its Messaging webhook, in a map of its own, so a test may add or drop a field.
     */
    public static Map<String, String> inboundSms(String messageSid, String accountSid, String from, String to,
                                                 String body) {
        Map<String, String> sms = new LinkedHashMap<>();
        sms.put("ToCountry", "GB");
        sms.put("SmsMessageSid", messageSid);
        sms.put("NumMedia", "0");
        sms.put("SmsSid", messageSid);
        sms.put("SmsStatus", "received");
        sms.put("Body", body);
        sms.put("FromCountry", "GB");
        sms.put("To", to);
        sms.put("NumSegments", "1");
        sms.put("MessageSid", messageSid);
        sms.put("AccountSid", accountSid);
        sms.put("From", from);
        sms.put("ApiVersion", TwilioApiStandIn.API_VERSION);
        return sms;
    }

    /** The body of a webhook request: {@code parameters} form-encoded, in their order. */
    public static String form(Map<String, String> parameters) {
        return FormEncoding.encode(parameters);
    }

    /** A POST of {@code parameters} to {@code url} as Twilio makes it, signed over that URL; no timeout yet. */
    public static HttpRequest.Builder post(URI url, TwilioSignature signature, Map<String, String> parameters) {
        return HttpRequest.newBuilder(url)
                .header("Content-Type", CONTENT_TYPE)
                .header(TwilioSignature.HEADER, signature.sign(url.toString(), parameters))
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
    }
}
