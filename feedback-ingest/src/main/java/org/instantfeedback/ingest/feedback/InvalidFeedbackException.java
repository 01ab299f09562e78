package org.instantfeedback.ingest.feedback;

import java.util.List;
import java.util.stream.Collectors;
import org.instantfeedback.service.problem.FieldError;

/** Feedback that breaks one or more rules; carries every broken rule so the sender can fix all at once. */
public class InvalidFeedbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidFeedbackException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
