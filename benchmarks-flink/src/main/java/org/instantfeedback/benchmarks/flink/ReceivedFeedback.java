package org.instantfeedback.benchmarks.flink;

/**
 * One record of {@code feedback.received.v1} on its way through the full job: what the dedupe
 * step and the event clock need, beside the event itself as Avro binary. A Flink POJO (public
 * fields, no-argument constructor), so Flink serializes it without Kryo.
 */
public class ReceivedFeedback {
    public String eventId;
    /** Event time, the windows' clock. */
    public long occurredAt;
    /** When ingest accepted this copy: the dedupe step's clock, as in feedback-streams. */
    public long receivedAt;
    /** The {@code FeedbackReceived} as Avro binary, the wire header stripped. */
    public byte[] avro;

    public ReceivedFeedback() {
    }

    ReceivedFeedback(String eventId, long occurredAt, long receivedAt, byte[] avro) {
        this.eventId = eventId;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
        this.avro = avro;
    }
}
