package org.instantfeedback.embedded.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Posts a status callback as Twilio does: form-encoded, signed in {@code X-Twilio-Signature}. */
final class StatusCallbackSender {
    /** Twilio gives a webhook about 15 seconds before it gives up on it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final TwilioSignature signature;

    StatusCallbackSender(HttpClient http, TwilioSignature signature) {
        this.http = http;
        this.signature = signature;
    }

    /** The HTTP status the endpoint answered. */
    int post(URI callback, Map<String, String> parameters) {
        HttpRequest request = TwilioWebhook.post(callback, signature, parameters)
                .timeout(TIMEOUT)
                .header("User-Agent", "TwilioProxy/1.1 (instant-feedback stand-in)")
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new CallbackNotDeliveredException("Status callback to " + callback + " not delivered: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbackNotDeliveredException("Interrupted while posting a status callback to " + callback,
                    new IOException(e));
        }
    }
}
