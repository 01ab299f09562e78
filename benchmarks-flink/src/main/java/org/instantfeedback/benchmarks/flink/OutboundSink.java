package org.instantfeedback.benchmarks.flink;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The full job's one exactly-once Kafka sink: each {@link Outbound} to its own topic. */
final class OutboundSink {
    private OutboundSink() {
    }

    static KafkaSink<Outbound> exactlyOnce(String bootstrap, String transactionalIdPrefix) {
        return KafkaSink.<Outbound>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(new ToProducerRecord())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + System.currentTimeMillis())
                // Below the broker's transaction.max.timeout.ms (15 minutes by default).
                .setProperty("transaction.timeout.ms", Long.toString(Duration.ofMinutes(5).toMillis()))
                .build();
    }

    private static final class ToProducerRecord implements KafkaRecordSerializationSchema<Outbound> {
        private static final long serialVersionUID = 1L;

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Outbound record, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(record.topic, null, timestamp, record.key, record.value);
        }
    }
}
