package org.instantfeedback.streams.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;

/**
 * Meters of what the topology writes, hooked in just before its sinks with
 * {@code .processValues(OutputTelemetry.csat(meters), Named.as(...))}; the records pass through
 * unchanged.
 *
 * <ul>
 *   <li>{@value #END_TO_END_LATENCY} (histogram, {@code output=csat|csat-v2|alert}; {@code csat} is
 *       the deprecated feedback.csat.v1, {@code csat-v2} feedback.csat.v2): from the feedback's
 *       {@code occurredAt} (the record's event time) to the moment its CSAT update or alert is
 *       written; the exactly-once commit makes it readable at most {@code commit.interval.ms}
 *       later. It includes any time the feedback spent before ingest (a kiosk's offline buffer, an
 *       SMS gateway), which is what a passenger waits for. For alerts, only events raised by
 *       feedback count (OPENED, ESCALATED): resolutions and ops actions happen on their own clock.</li>
 *   <li>{@value #ALERT_EVENTS} (counter, {@code kind}, {@code severity}, {@code type}): alert events
 *       written.</li>
 * </ul>
 *
 * Under exactly-once, a transaction that aborts is processed again, so a meter can count a record
 * twice; the topics are the exact record, these meters a dashboard.
 */
public final class OutputTelemetry {
    public static final String END_TO_END_LATENCY = "feedback.end.to.end.latency";
    public static final String ALERT_EVENTS = "feedback.alert.events";
    /** Ends the description of every meter fed from inside the topology, so a dashboard reader knows. */
    public static final String APPROXIMATE =
            " (approximate: counted when processed; a transaction that aborts and is processed again counts twice)";
    private static final Duration MIN_EXPECTED = Duration.ofMillis(5);
    /** Beyond a day the feedback was not "instant" anyway; such values land in the +Inf bucket. */
    private static final Duration MAX_EXPECTED = Duration.ofDays(1);

    private OutputTelemetry() {
    }

    /** Records the end-to-end latency of each CSAT window update on feedback.csat.v1. */
    public static <V> FixedKeyProcessorSupplier<String, V, V> csat(MeterRegistry meters) {
        return csat(meters, Clock.systemUTC());
    }

    /**
     * Records the end-to-end latency of each current window on feedback.csat.v2, from the latest
     * rating of the slice whose change published it.
     */
    public static <V> FixedKeyProcessorSupplier<String, V, V> csatV2(MeterRegistry meters) {
        return latencyOf(latencyTimer(meters, "csat-v2"), Clock.systemUTC());
    }

    static <V> FixedKeyProcessorSupplier<String, V, V> csat(MeterRegistry meters, Clock clock) {
        return latencyOf(latencyTimer(meters, "csat"), clock);
    }

    private static <V> FixedKeyProcessorSupplier<String, V, V> latencyOf(Timer latency, Clock clock) {
        return () -> new PassThrough<V>() {
            @Override
            public void process(FixedKeyRecord<String, V> record) {
                recordSince(latency, record.timestamp(), clock);
                context().forward(record);
            }
        };
    }

    /** Counts each alert event and records the end-to-end latency of those feedback raised. */
    public static FixedKeyProcessorSupplier<String, FeedbackAlert, FeedbackAlert> alerts(MeterRegistry meters) {
        return alerts(meters, Clock.systemUTC());
    }

    static FixedKeyProcessorSupplier<String, FeedbackAlert, FeedbackAlert> alerts(MeterRegistry meters, Clock clock) {
        Timer latency = latencyTimer(meters, "alert");
        return () -> new PassThrough<FeedbackAlert>() {
            @Override
            public void process(FixedKeyRecord<String, FeedbackAlert> record) {
                FeedbackAlert alert = record.value();
                if (alert != null) {
                    count(meters, alert);
                    if (alert.getType() == FeedbackAlertEventType.OPENED
                            || alert.getType() == FeedbackAlertEventType.ESCALATED) {
                        recordSince(latency, record.timestamp(), clock);
                    }
                }
                context().forward(record);
            }
        };
    }

    private static void count(MeterRegistry meters, FeedbackAlert alert) {
        Counter.builder(ALERT_EVENTS).description("Alert events written to feedback.alerts.v1" + APPROXIMATE)
                .tag("kind", lower(alert.getKind()))
                .tag("severity", lower(alert.getSeverity()))
                .tag("type", lower(alert.getType()))
                .register(meters).increment();
    }

    private static Timer latencyTimer(MeterRegistry meters, String output) {
        return Timer.builder(END_TO_END_LATENCY)
                .description("From the feedback's occurredAt to its output being written" + APPROXIMATE)
                .tag("output", output)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(meters);
    }

    private static void recordSince(Timer latency, long eventTimeMillis, Clock clock) {
        // occurredAt may lie up to 5 minutes ahead (clock skew the extractor allows): count it as 0
        latency.record(Duration.ofMillis(Math.max(0, clock.millis() - eventTimeMillis)));
    }

    private static String lower(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT);
    }

    private abstract static class PassThrough<V> implements FixedKeyProcessor<String, V, V> {
        private FixedKeyProcessorContext<String, V> context;

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
        }

        FixedKeyProcessorContext<String, V> context() {
            return context;
        }
    }
}
