package org.instantfeedback.ingest.sms;

import org.instantfeedback.ingest.feedback.SupportedScale;

/** A rating read from the text of a message: the value on the scale it was given on. */
public record FoundRating(int value, SupportedScale scale) {
}
