package org.instantfeedback.replies.provider;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to a provider for one SMS and what it came to: its answer, as the provider's
 * {@link Reading} reads it, or, when no answer came, what {@link UnansweredRequest} makes of the
 * failure. The request is made once; whether to try again is the caller's choice.
 */
final class ProviderExchange {
    /** What a provider answers when it limits the rate, before it takes the message: safe to retry. */
    static final int TOO_MANY_REQUESTS = 429;
    private static final Logger log = LoggerFactory.getLogger(ProviderExchange.class);

    /** How a provider reads its HTTP answers. */
    @FunctionalInterface
    interface Reading {
        SendResult of(int status, String body);
    }

    private final String provider;
    private final HttpClient http;

    private ProviderExchange(String provider, HttpClient http) {
        this.provider = provider;
        this.http = http;
    }

    /** Exchanges with {@code provider} on a client of its own, whose connect timeout is {@code timeout}. */
    static ProviderExchange with(String provider, Duration timeout) {
        // The connect timeout is what lets a connection never made count as "not sent" (see UnansweredRequest).
        return new ProviderExchange(provider, HttpClient.newBuilder().connectTimeout(timeout).build());
    }

    /** Sends {@code request}, the provider's form of {@code sms}, and logs what it came to. */
    SendResult make(OutgoingSms sms, HttpRequest request, Reading reading) {
        SendResult result = outcome(request, reading);
        log.info("Reply {} through {}: {}", sms.replyId(), provider, result);
        return result;
    }

    private SendResult outcome(HttpRequest request, Reading reading) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return reading.of(response.statusCode(), response.body());
        } catch (IOException e) {
            return UnansweredRequest.outcomeOf(e, provider);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The request may already be out: only "unknown" is safe.
            return new SendResult.Unknown("interrupted while waiting for the answer of " + provider);
        }
    }

    /** {@code fields} as an {@code application/x-www-form-urlencoded} body, in their order. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
