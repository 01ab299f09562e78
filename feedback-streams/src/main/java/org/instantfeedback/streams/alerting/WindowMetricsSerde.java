package org.instantfeedback.streams.alerting;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.instantfeedback.alerting.metrics.WindowMetrics;
import org.instantfeedback.alerting.metrics.WindowMetricsCodec;

/** {@link WindowMetrics} in the slice store, in the alerting core's own versioned encoding. */
final class WindowMetricsSerde {
    private WindowMetricsSerde() {
    }

    static Serde<WindowMetrics> create() {
        return Serdes.serdeFrom((topic, metrics) -> metrics == null ? null : WindowMetricsCodec.encode(metrics),
                (topic, bytes) -> bytes == null ? null : WindowMetricsCodec.decode(bytes));
    }
}
