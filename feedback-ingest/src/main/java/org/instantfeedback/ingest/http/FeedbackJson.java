package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.service.problem.FieldError;

/**
 * The JSON form of a submission: {@code {"subject", "rating", "scale", "comment", "occurredAt"}},
 * and on {@code POST /v1/feedback} also {@code "channel"} ({@code web}, the default, {@code qr}
 * for the QR feedback page, or {@code api} for server-to-server integrations).
 * Fields with the wrong JSON type become read errors of the submission; {@code null} counts as
 * absent; other fields are ignored, so clients may send more than this version reads.
 */
final class FeedbackJson {
    private static final String CHANNEL = "channel";
    /** The channels a client of the JSON endpoint may name; the others have endpoints of their own. */
    private static final Map<String, Channel> WEB_CHANNELS =
            Map.of("web", Channel.WEB, "qr", Channel.QR, "api", Channel.API);

    private FeedbackJson() {
    }

    /** A submission to {@code POST /v1/feedback}, whose {@code channel} field says where it came from. */
    static FeedbackSubmission webSubmission(ObjectNode body, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(body, CHANNEL, errors);
        Channel channel = Channel.WEB;
        if (name != null) {
            channel = WEB_CHANNELS.get(name.strip().toLowerCase(Locale.ROOT));
            if (channel == null) {
                errors.add(new FieldError(CHANNEL, "must be one of web, qr, api"));
                channel = Channel.WEB;
            }
        }
        FeedbackSubmission submission = submission(body, idempotencyKey, channel);
        errors.addAll(submission.readErrors());
        return new FeedbackSubmission(submission.subject(), submission.rating(), submission.scale(),
                submission.comment(), submission.occurredAt(), idempotencyKey, channel, null, errors);
    }

    static FeedbackSubmission submission(ObjectNode body, String idempotencyKey, Channel channel) {
        List<FieldError> errors = new ArrayList<>();
        return new FeedbackSubmission(
                text(body, FeedbackValidator.SUBJECT, errors),
                wholeNumber(body, FeedbackValidator.RATING, errors),
                text(body, FeedbackValidator.SCALE, errors),
                text(body, FeedbackValidator.COMMENT, errors),
                text(body, FeedbackValidator.OCCURRED_AT, errors),
                idempotencyKey,
                channel,
                null,
                errors);
    }

    static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    private static Long wholeNumber(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        if (!node.canConvertToLong()) {
            // Far outside every scale; the validator words the range for the scale in use.
            return node.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return node.longValue();
    }
}
