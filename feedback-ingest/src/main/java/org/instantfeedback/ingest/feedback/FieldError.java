package org.instantfeedback.ingest.feedback;

import java.util.Objects;

/** One thing wrong with one field of a submission, worded for the person who sent it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
