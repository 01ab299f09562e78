package org.instantfeedback.streams.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.instantfeedback.config.Topics;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.registry.SchemaRegistryException.Kind;
import org.junit.jupiter.api.Test;

class UnreadableRecordHandlerTest {
    private static final byte[] VALUE = "not avro".getBytes(StandardCharsets.UTF_8);
    private static final ConsumerRecord<byte[], byte[]> RECORD =
            new ConsumerRecord<>(Topics.FEEDBACK_RECEIVED, 0, 42L, null, VALUE);

    @Test
    void a_record_that_is_unreadable_in_itself_goes_to_the_dead_letter_topic_and_processing_resumes() {
        Response response = handler().handleError(context(), RECORD,
                new SerializationException("unknown magic byte 7"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(record -> assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTER));
    }

    @Test
    void a_registry_that_does_not_answer_fails_the_thread_so_the_record_is_read_again_not_dead_lettered() {
        SchemaRegistryException away = new SchemaRegistryException(Kind.UNREACHABLE, 0, 0,
                "schema registry at http://registry:8081 could not be reached");
        Response response = handler().handleError(context(), RECORD,
                new SerializationException("could not fetch schema id 3", away));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void a_registry_that_answers_that_the_schema_does_not_exist_makes_the_record_poison() {
        SchemaRegistryException unknown = new SchemaRegistryException(Kind.SCHEMA_NOT_FOUND, 404, 40403,
                "Schema 999 not found");

        assertThat(UnreadableRecordHandler.registryUnreachable(new SerializationException("id 999", unknown)))
                .isFalse();
    }

    private static UnreadableRecordHandler handler() {
        UnreadableRecordHandler handler = new UnreadableRecordHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER));
        return handler;
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.FEEDBACK_RECEIVED;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42L;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0L;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }
}
