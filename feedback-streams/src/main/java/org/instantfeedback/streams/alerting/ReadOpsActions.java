package org.instantfeedback.streams.alerting;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.instantfeedback.alerting.lifecycle.OpsActionRejectedException;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.streams.feedback.RecordOrigin;

/**
 * Reads ops actions from feedback.alert-actions.v1 and keys them by the subject or group they are
 * for, so they reach the task holding its alert state. A record that cannot be read is passed on as
 * rejected, with the reason in the dead-letter headers.
 */
final class ReadOpsActions extends ContextualProcessor<String, String, String, ActionOutcome> {
    @Override
    public void process(Record<String, String> record) {
        try {
            OpsActionHandler.KeyedAction read = OpsActionHandler.read(record.key(), record.value());
            context().forward(record.withKey(read.key().toString())
                    .withValue(new ActionOutcome(AlertingInput.of(read.action()), record.value())));
        } catch (OpsActionRejectedException e) {
            Headers headers = record.headers() == null ? new RecordHeaders() : record.headers();
            context().forward(record.withValue(new ActionOutcome(null, record.value()))
                    .withHeaders(DeadLetterHeaders.describing(headers, e, RecordOrigin.of(context()))));
        }
    }
}
