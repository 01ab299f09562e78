package org.instantfeedback.streams.alerting;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.rules.InvalidRuleException;
import org.instantfeedback.alerting.rules.RuleBook;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.streams.feedback.RecordOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each record of the rules topic against every rule accepted before it: an accepted rule
 * (or tombstone) is passed on to the accepted-rules topic the evaluation reads, an invalid one goes
 * to the dead-letter topic with every reason in the message header, and the previous rule stays in
 * force. A rule for a group or the default is checked against the subjects below it, so this needs
 * every rule: the rules topic has one partition.
 */
final class ValidateAlertRules implements Processor<String, String, String, RuleOutcome> {
    private static final Logger log = LoggerFactory.getLogger(ValidateAlertRules.class);

    private final AlertingOptions options;
    private ProcessorContext<String, RuleOutcome> context;
    private KeyValueStore<String, String> accepted;
    private RuleBook book;

    ValidateAlertRules(AlertingOptions options) {
        this.options = options;
    }

    @Override
    public void init(ProcessorContext<String, RuleOutcome> context) {
        this.context = context;
        accepted = context.getStateStore(AlertingTopology.RULES_STORE);
        book = rebuild();
    }

    @Override
    public void process(Record<String, String> record) {
        try {
            book = book.apply(record.key(), record.value());
            if (record.value() == null) {
                accepted.delete(record.key());
            } else {
                accepted.put(record.key(), record.value());
            }
            context.forward(record.withValue(RuleOutcome.accepted(record.value())));
        } catch (InvalidRuleException e) {
            log.warn("Rejected the alert rule for {}: {}", record.key(), e.reason());
            context.forward(record.withValue(RuleOutcome.rejected(record.value()))
                    .withHeaders(DeadLetterHeaders.describing(
                            record.headers() == null ? new RecordHeaders() : record.headers(), e,
                            RecordOrigin.of(context))));
        }
    }

    // Defaults first, then groups, then subjects: the order in which each level was checked against the ones above.
    private RuleBook rebuild() {
        List<KeyValue<String, String>> all = new ArrayList<>();
        try (KeyValueIterator<String, String> stored = accepted.all()) {
            stored.forEachRemaining(all::add);
        }
        all.sort((a, b) -> Integer.compare(level(a.key), level(b.key)));
        RuleBook rebuilt = options.ruleBook();
        for (KeyValue<String, String> rule : all) {
            try {
                rebuilt = rebuilt.apply(rule.key, rule.value);
            } catch (InvalidRuleException e) {
                log.warn("The stored alert rule for {} no longer fits: {}", rule.key, e.reason());
            }
        }
        return rebuilt;
    }

    private static int level(String key) {
        return key.equals("default") ? 0 : key.startsWith("group:") ? 1 : 2;
    }
}
