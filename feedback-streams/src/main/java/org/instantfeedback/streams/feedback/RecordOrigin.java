package org.instantfeedback.streams.feedback;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.instantfeedback.deadletter.DeadLetterHeaders;

/** Where the record a processor holds was read, as its dead letter names it; empty for a punctuation's. */
public final class RecordOrigin {
    private RecordOrigin() {
    }

    public static Optional<DeadLetterHeaders.Origin> of(ProcessingContext context) {
        return context.recordMetadata()
                .map(read -> new DeadLetterHeaders.Origin(read.topic(), read.partition(), read.offset()));
    }
}
