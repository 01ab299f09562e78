package org.instantfeedback.service.problem;

import java.util.Objects;

/** One thing wrong with one field of a request, worded for the person who sent it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
