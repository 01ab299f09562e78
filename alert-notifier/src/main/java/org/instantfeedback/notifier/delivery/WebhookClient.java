package org.instantfeedback.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.notifier.routing.Target;
import org.instantfeedback.notifier.routing.TargetType;

/**
 * POSTs an alert to a target and says how it went. 2xx is delivered. 408, 429, 5xx, timeouts and
 * connection failures are worth retrying. Any other status (400, 401, 403, 404, 410, 3xx) means
 * the target refuses this request as it is, so retrying would only repeat it: permanent.
 */
public final class WebhookClient {
    public static final String USER_AGENT = "instant-feedback-alert-notifier/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookClient(Duration requestTimeout, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    public DeliveryResult deliver(Target target, FeedbackAlert alert) throws InterruptedException {
        HttpRequest request = request(target, alert);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return DeliveryResult.retryable(0, describe(e), Optional.empty());
        }
        return classify(response);
    }

    HttpRequest request(Target target, FeedbackAlert alert) {
        byte[] body = body(target, alert);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.IDEMPOTENCY_HEADER, alert.getEventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.type() == TargetType.WEBHOOK) {
            long now = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), now, body));
        }
        return request.build();
    }

    static byte[] body(Target target, FeedbackAlert alert) {
        Object json = target.type() == TargetType.SLACK ? SlackMessage.of(alert) : AlertJson.of(alert);
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    static DeliveryResult classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(status);
        }
        String reason = "HTTP " + status + answer(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryResult.retryable(status, reason, retryAfter(response));
        }
        return DeliveryResult.permanent(status, reason);
    }

    /** "ConnectException: Connection refused"; the JDK client often leaves the message to the cause. */
    static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return e.getClass().getSimpleName() + ": " + (cause.getMessage() == null ? "no answer" : cause.getMessage());
    }

    /** Slack explains refusals in the body ("invalid_payload", "channel_is_archived"); keep a little of it. */
    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: our own backoff is good enough
            }
        });
    }
}
