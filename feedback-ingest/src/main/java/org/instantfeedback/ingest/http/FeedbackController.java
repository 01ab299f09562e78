package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.ratelimit.RateLimiter;

/**
 * {@code POST /v1/feedback}: feedback from the web, apps and the QR page as JSON. Answers
 * {@code 202} with the event id only after Kafka has acknowledged the event (or an earlier request
 * with the same {@code Idempotency-Key} had it stored: then {@code "duplicate": true}); every
 * failure is thrown and becomes a problem document in {@link ProblemDetailsMapper}.
 */
public final class FeedbackController {
    public static final String PATH = "/v1/feedback";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final JsonRequestBody requestBody;
    private final FeedbackIntake intake;
    private final RateLimiter limits;
    private final ClientAddresses clients;
    private final JsonResponses responses;

    public FeedbackController(JsonRequestBody requestBody, FeedbackIntake intake, RateLimiter limits,
            ClientAddresses clients, JsonResponses responses) {
        this.requestBody = requestBody;
        this.intake = intake;
        this.limits = limits;
        this.clients = clients;
        this.responses = responses;
    }

    public void submit(Context ctx) {
        limits.checkClient(clients.of(ctx));
        FeedbackSubmission submission = FeedbackJson.webSubmission(requestBody.readObject(ctx),
                ctx.header(IDEMPOTENCY_KEY_HEADER));
        responses.write(ctx, 202, acceptedBody(intake.accept(submission)));
    }

    static Map<String, Object> acceptedBody(FeedbackIntake.Accepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.eventId());
        if (accepted.duplicate()) {
            body.put("duplicate", true);
        }
        return body;
    }
}
