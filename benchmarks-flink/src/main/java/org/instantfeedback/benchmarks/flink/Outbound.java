package org.instantfeedback.benchmarks.flink;

import java.nio.charset.StandardCharsets;

/**
 * A record bound for one of the full job's output topics. Every output goes through one
 * exactly-once sink ({@link OutboundSink}), so each sink task writes all its outputs in one
 * transaction per checkpoint, as a Kafka Streams task writes all of its with one producer. A
 * Flink POJO, so Flink serializes it without Kryo.
 */
public class Outbound {
    public String topic;
    public byte[] key;
    public byte[] value;

    public Outbound() {
    }

    Outbound(String topic, String key, byte[] value) {
        this.topic = topic;
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.value = value;
    }
}
