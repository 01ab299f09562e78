package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FieldError;
import org.instantfeedback.ingest.feedback.FeedbackValidator;

/**
 * The JSON form of a submission: {@code {"subject", "rating", "scale", "comment", "occurredAt"}}.
 * Fields with the wrong JSON type become read errors of the submission; {@code null} counts as
 * absent; other fields are ignored, so clients may send more than this version reads.
 */
final class FeedbackJson {
    private FeedbackJson() {
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
                errors);
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
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
