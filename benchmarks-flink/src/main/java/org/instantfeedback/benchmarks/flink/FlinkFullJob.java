package org.instantfeedback.benchmarks.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole job of feedback-streams written for Apache Flink, the like-for-like peer in the
 * benchmarks (FlinkCsatJob is the CSAT part alone). Reads {@code feedback.received.v1} from the
 * beginning to the end offsets it finds at start (a bounded run), placed in time by
 * {@code occurredAt}, and per record, with our own library code where ours has it:
 * <ol>
 *   <li>drops copies of an {@code eventId} within feedback-streams' default dedupe horizon, 24 hours
 *       ({@link DeduplicateByEventId});</li>
 *   <li>scores the text with our scorer as feedback-streams does before a learned model is
 *       promoted ({@link SharedTextScorer}), writing {@code FeedbackScored} and, for rated texts,
 *       {@code RatedText} ({@link ScoreFeedback});</li>
 *   <li>counts CSAT per subject over the same hopping windows as FlinkCsatJob;</li>
 *   <li>counts each response into the one-minute bucket of its subject and group, and decides
 *       alerts with the alerting module ({@link EvaluateAlerts}): urgent reports per feedback, the
 *       rolling metrics of every alert window (15 min, 1 h, 24 h) and the windowed alert kinds at
 *       most once per 100 ms per subject or group that changed, as feedback-streams does per
 *       commit.</li>
 * </ol>
 * It runs with feedback-streams' promise, as FlinkCsatJob's durable mode: RocksDB state,
 * exactly-once checkpoints every 100 ms, every output written through one exactly-once Kafka sink
 * ({@link OutboundSink}), each changed CSAT window and alert window published once per 100 ms. Runs in a local
 * MiniCluster.
 *
 * <pre>
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.instantfeedback.events \
 * -cp "benchmarks-flink/target/classes:$(cat benchmarks-flink/target/classpath.txt)" \
 *   org.instantfeedback.benchmarks.flink.FlinkFullJob localhost:9092 feedback.received.v1 csat.tsv 2 \
 *   flink-full /tmp/flink-checkpoints
 * </pre>
 * (on Java 17 with the {@code --add-opens} options Flink asks for; see the benchmarks' FlinkPeer.)
 *
 * <p>Output topics are named from the prefix ({@link OutputTopics}), created when missing. After the
 * clock stops, the CSAT windows' final counts are read back (read_committed) into the output file
 * as FlinkCsatJob writes them, and every output topic's committed records are counted. The last
 * lines printed are {@code flink-full-outputs <topic>=<records> ...} and
 * {@code flink-result windows=<n> millis=<job time>}.
 */
public final class FlinkFullJob {
    /** feedback-streams' DEDUPE_HORIZON default. */
    static final Duration DEDUPE_HORIZON = Duration.ofHours(24);

    private FlinkFullJob() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: FlinkFullJob <bootstrap servers> <topic> <CSAT output file> <parallelism>"
                    + " <output topic prefix> <checkpoint directory>");
            System.exit(2);
        }
        String bootstrap = args[0];
        OutputTopics topics = OutputTopics.withPrefix(args[4]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(settings(Path.of(args[5])));
        env.setParallelism(Integer.parseInt(args[3]));
        addJob(env, bootstrap, args[1], topics);

        // Made before the clock starts, as the benchmark creates feedback-streams' topics and
        // builds its scorer before start().
        topics.createMissing(bootstrap);
        SharedTextScorer.get();
        long started = System.nanoTime();
        env.execute("feedback-full-durable");
        long millis = (System.nanoTime() - started) / 1_000_000;

        long windows = DurableOutput.writeFinalCounts(bootstrap, topics.csat(), Path.of(args[2]));
        StringJoiner outputs = new StringJoiner(" ", "flink-full-outputs ", "");
        for (String topic : topics.all()) {
            outputs.add(topic.substring(args[4].length() + 1) + "=" + DurableOutput.committedRecords(bootstrap, topic));
        }
        System.out.println(outputs);
        System.out.printf(Locale.ROOT, "flink-result windows=%d millis=%d%n", windows, millis);
    }

    /** Adds the job, from the input topic to the output topics, to {@code env}. */
    static void addJob(StreamExecutionEnvironment env, String bootstrap, String inputTopic, OutputTopics topics) {
        KafkaSource<ReceivedFeedback> source = KafkaSource.<ReceivedFeedback>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(inputTopic)
                .setGroupId("benchmarks-flink-full")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                // The Streams topology reads committed data only; so does its peer.
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new ReceivedFeedbackDecoder()))
                .build();
        // As in FlinkCsatJob: each partition's events arrive in occurredAt order, none is late.
        WatermarkStrategy<ReceivedFeedback> watermarks = WatermarkStrategy.<ReceivedFeedback>forMonotonousTimestamps()
                .withTimestampAssigner((feedback, previous) -> feedback.occurredAt);
        SingleOutputStreamOperator<Outbound> scored = env
                .fromSource(source, watermarks, inputTopic)
                .keyBy(feedback -> feedback.eventId, Types.STRING)
                .process(new DeduplicateByEventId(DEDUPE_HORIZON), TypeInformation.of(ReceivedFeedback.class))
                .name("deduplicate")
                .process(new ScoreFeedback(topics), TypeInformation.of(Outbound.class))
                .name("score");
        DataStream<Outbound> csat = FlinkCsatJob.csatWindows(scored.getSideOutput(ScoreFeedback.RATINGS), true)
                .map(window -> new Outbound(topics.csat(), window.f0, DurableOutput.countsValue(window)),
                        TypeInformation.of(Outbound.class))
                .name("csat-to-record");
        DataStream<Outbound> alerting = scored.getSideOutput(ScoreFeedback.OBSERVATIONS)
                .keyBy(observation -> observation.f0, Types.STRING)
                .process(new EvaluateAlerts(topics), TypeInformation.of(Outbound.class))
                .name("evaluate-alerts");
        scored.union(csat, alerting)
                .sinkTo(OutboundSink.exactlyOnce(bootstrap, "benchmarks-flink-full"))
                .name("outputs");
    }

    /**
     * FlinkCsatJob's durable settings (RocksDB, exactly-once checkpoints every 100 ms), with object
     * reuse: no function here keeps or changes a record it was given, so the copies Flink makes
     * between chained functions by default would buy nothing. Flink's best, not a handicap; for the
     * same reason a type Flink could only serialize with Kryo fails the job instead of slowing it.
     */
    static Configuration settings(Path checkpoints) {
        Configuration settings = FlinkCsatJob.durableSettings(checkpoints);
        settings.set(PipelineOptions.OBJECT_REUSE, true);
        settings.set(PipelineOptions.GENERIC_TYPES, false);
        return settings;
    }
}
