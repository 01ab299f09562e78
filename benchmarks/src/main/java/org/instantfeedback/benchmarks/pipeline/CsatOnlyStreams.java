package org.instantfeedback.benchmarks.pipeline;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.registry.SpecificAvroSerde;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.csat.CsatTopology;
import org.instantfeedback.streams.time.OccurredAtTimestampExtractor;

/**
 * Only the rolling-CSAT part of feedback-streams ({@link CsatTopology}, same windows, same settings
 * as the service: exactly-once, commits every 100 ms, the record cache flushed at each), without
 * deduplication, scoring or alerts: the job the Flink peer implements, for a like-for-like pair. It
 * is the slice path alone, publishing each subject's current window on feedback.csat.v2, with the
 * deprecated hopping windows of feedback.csat.v1 left out ({@code CSAT_V1_ENABLED=false}).
 */
final class CsatOnlyStreams implements AutoCloseable {
    private final KafkaStreams streams;
    private final SpecificAvroSerde<FeedbackReceived> feedbackSerde;
    private final SpecificAvroSerde<CsatWindow> csatSerde;

    private CsatOnlyStreams(KafkaStreams streams, SpecificAvroSerde<FeedbackReceived> feedbackSerde,
                            SpecificAvroSerde<CsatWindow> csatSerde) {
        this.streams = streams;
        this.feedbackSerde = feedbackSerde;
        this.csatSerde = csatSerde;
    }

    static CsatOnlyStreams create(Pipeline pipeline, String applicationId) {
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                StreamsAppConfig.KAFKA_BOOTSTRAP_SERVERS, pipeline.bootstrapServers(),
                StreamsAppConfig.SCHEMA_REGISTRY_URL, pipeline.schemaRegistryUrl(),
                StreamsAppConfig.KAFKA_APPLICATION_ID, applicationId,
                StreamsAppConfig.KAFKA_STATE_DIR, pipeline.stateDir(applicationId).toString(),
                "KAFKA_NUM_STREAM_THREADS", "2",
                "STREAMS_API_AUTH", "none"));
        SpecificAvroSerde<FeedbackReceived> feedbackSerde =
                SpecificAvroSerde.forValues(FeedbackReceived.class, config.registrySettings());
        SpecificAvroSerde<CsatWindow> csatSerde = SpecificAvroSerde.forValues(CsatWindow.class, config.registrySettings());
        StreamsBuilder builder = new StreamsBuilder();
        CsatTopology.addCsat(builder.stream(Topics.FEEDBACK_RECEIVED, Consumed.with(Serdes.String(), feedbackSerde)
                        .withTimestampExtractor(new OccurredAtTimestampExtractor())),
                config.csatWindows(), false, csatSerde);
        Properties properties = config.streamsProperties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return new CsatOnlyStreams(new KafkaStreams(builder.build(), properties), feedbackSerde, csatSerde);
    }

    void start() {
        streams.start();
    }

    String state() {
        return streams.state().toString();
    }

    @Override
    public void close() {
        streams.close();
        feedbackSerde.close();
        csatSerde.close();
    }
}
