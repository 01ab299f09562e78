package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.kafka.FeedbackPublisher;

/**
 * {@code POST /v1/feedback}: feedback from the web and apps as JSON. Answers {@code 202} with the
 * event id only after Kafka has acknowledged the event; every failure is thrown and becomes a
 * problem document in {@link ProblemDetailsMapper}.
 */
public final class FeedbackController {
    public static final String PATH = "/v1/feedback";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final JsonRequestBody requestBody;
    private final FeedbackValidator validator;
    private final FeedbackPublisher publisher;
    private final JsonResponses responses;
    private final Clock clock;

    public FeedbackController(JsonRequestBody requestBody, FeedbackValidator validator, FeedbackPublisher publisher,
            JsonResponses responses, Clock clock) {
        this.requestBody = requestBody;
        this.validator = validator;
        this.publisher = publisher;
        this.responses = responses;
        this.clock = clock;
    }

    public void submit(Context ctx) {
        FeedbackSubmission submission = FeedbackJson.submission(requestBody.readObject(ctx),
                ctx.header(IDEMPOTENCY_KEY_HEADER), Channel.WEB);
        FeedbackReceived event = validator.validate(submission, clock.instant());
        publisher.publish(event);
        responses.write(ctx, 202, Map.of("id", event.getEventId()));
    }
}
