package org.instantfeedback.streams.feedback;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.instantfeedback.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a record the topology cannot deserialize. A record that is unreadable
 * in itself (bad bytes, wrong magic byte, unknown schema id, the wrong schema) goes to the
 * dead-letter topic with the reason in headers, as Kafka Streams' own handler does (KIP-1034),
 * and processing carries on.
 *
 * <p>A record that could not be read only because the schema registry did not answer is not
 * poison: dead-lettering it would lose valid feedback during a registry outage. Such a failure
 * stops the stream thread instead, after a pause, without committing; the app replaces the thread
 * (see StreamsApp), which reads the same record again, so it counts once the registry is back.
 */
public final class UnreadableRecordHandler extends LogAndContinueExceptionHandler {
    /** Keeps a thread that fails on every record from spinning while the registry is away. */
    static final Duration PAUSE_BEFORE_RETRY = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(UnreadableRecordHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (!registryUnreachable(exception)) {
            return super.handleError(context, record, exception);
        }
        log.warn("The schema registry did not answer while reading {}-{} offset {}; retrying the record in {}: {}",
                record.topic(), record.partition(), record.offset(), PAUSE_BEFORE_RETRY, exception.getMessage());
        pause();
        return Response.fail();
    }

    /** Whether the failure is the registry being away rather than anything about the record. */
    static boolean registryUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry
                    && registry.kind() == SchemaRegistryException.Kind.UNREACHABLE) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_BEFORE_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
