package org.instantfeedback.benchmarks.flink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple5;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * The rolling-CSAT job of feedback-streams written for Apache Flink, the peer in the benchmarks:
 * reads {@code feedback.received.v1} from the beginning to the end offsets it finds at start
 * (a bounded run), counts the CSAT ratings per subject over the same hopping windows (sliding in
 * Flink's words: {@code CSAT_WINDOW_SIZE} 15 minutes every {@code CSAT_WINDOW_ADVANCE} 1 minute,
 * placed by {@code occurredAt}) and writes each window's final counts as tab-separated lines
 * (subject, window start millis, rated, satisfied, rating sum). Runs in a local MiniCluster.
 *
 * <pre>
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.instantfeedback.events \
 * -cp "benchmarks-flink/target/classes:$(cat benchmarks-flink/target/classpath.txt)" \
 *   org.instantfeedback.benchmarks.flink.FlinkCsatJob localhost:9092 feedback.received.v1 out.tsv 2
 * </pre>
 *
 * <p>With {@code durable <output topic> <checkpoint directory>} it does what feedback-streams
 * promises instead: RocksDB state, exactly-once checkpoints every 100 ms, every changed window
 * published once per interval ({@link PublishChangesEvery}) to a Kafka topic in transactions;
 * the final counts are then read back from the topic (read_committed) into the output file.
 *
 * <p>The last line printed is {@code flink-result windows=<n> millis=<job time>}.
 */
public final class FlinkCsatJob {
    private static final Duration WINDOW_SIZE = Duration.ofMinutes(15);
    private static final Duration WINDOW_ADVANCE = Duration.ofMinutes(1);
    /** feedback-streams' commit.interval.ms. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final TypeInformation<long[]> TALLY = PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO;
    private static final TypeInformation<Tuple5<String, Long, Long, Long, Long>> WINDOW_COUNTS =
            Types.TUPLE(Types.STRING, Types.LONG, Types.LONG, Types.LONG, Types.LONG);

    private FlinkCsatJob() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && !(args.length == 7 && "durable".equals(args[4]))) {
            System.err.println("usage: FlinkCsatJob <bootstrap servers> <topic> <output file> <parallelism>"
                    + " [durable <output topic> <checkpoint directory>]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        Path output = Path.of(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        boolean durable = args.length == 7;

        StreamExecutionEnvironment env = durable
                ? StreamExecutionEnvironment.getExecutionEnvironment(durableSettings(Path.of(args[6])))
                : StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        KafkaSource<Tuple3<String, Long, Integer>> source = KafkaSource.<Tuple3<String, Long, Integer>>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("benchmarks-flink-csat")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                // The Streams topology reads committed data only; so does its peer.
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new StarRatingDecoder()))
                .build();
        // Each partition's events arrive in occurredAt order (the benchmark writes them so), so no
        // out-of-orderness is allowed for, as nothing in the Streams run is late either.
        WatermarkStrategy<Tuple3<String, Long, Integer>> watermarks = WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                .withTimestampAssigner((rating, previous) -> rating.f1);
        DataStream<Tuple5<String, Long, Long, Long, Long>> windows =
                csatWindows(env.fromSource(source, watermarks, "feedback.received.v1"), durable);

        long started = System.nanoTime();
        long count;
        long millis;
        if (durable) {
            windows.sinkTo(DurableOutput.sink(bootstrap, args[5]));
            env.execute("csat-durable");
            millis = (System.nanoTime() - started) / 1_000_000;
            // Read back after the clock stops: the job's time is what is compared.
            count = DurableOutput.writeFinalCounts(bootstrap, args[5], output);
        } else {
            count = collectInto(windows, output);
            millis = (System.nanoTime() - started) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "flink-result windows=%d millis=%d%n", count, millis);
    }

    /**
     * CSAT per subject over the hopping windows, from (subject, occurredAt millis, 5-point rating)
     * with event time already assigned, as (subject, window start, rated, satisfied, rating sum);
     * each window at its close, and with {@code publishChanges} also once per commit interval
     * while it changes ({@link PublishChangesEvery}). The full job counts CSAT with this too.
     */
    static DataStream<Tuple5<String, Long, Long, Long, Long>> csatWindows(
            DataStream<Tuple3<String, Long, Integer>> ratings, boolean publishChanges) {
        WindowedStream<Tuple3<String, Long, Integer>, String, TimeWindow> windowed = ratings
                .keyBy(rating -> rating.f0, Types.STRING)
                .window(SlidingEventTimeWindows.of(WINDOW_SIZE, WINDOW_ADVANCE));
        if (publishChanges) {
            windowed = windowed.trigger(new PublishChangesEvery(COMMIT_INTERVAL));
        }
        return windowed.aggregate(new CsatTallies(), new WithSubjectAndWindow(), TALLY, TALLY, WINDOW_COUNTS);
    }

    /** Runs the job, writing each window as it closes to the output file; returns how many. */
    private static long collectInto(DataStream<Tuple5<String, Long, Long, Long, Long>> windows, Path output)
            throws Exception {
        long count = 0;
        try (CloseableIterator<Tuple5<String, Long, Long, Long, Long>> results = windows.executeAndCollect("csat");
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            while (results.hasNext()) {
                Tuple5<String, Long, Long, Long, Long> window = results.next();
                out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d%n", window.f0, window.f1, window.f2, window.f3, window.f4);
                count++;
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + output, e);
        }
        return count;
    }

    /**
     * What feedback-streams promises, in Flink's terms: window state in RocksDB (incremental
     * checkpoints to disk), an exactly-once checkpoint every 100 ms, which is when the Kafka sink
     * commits its transaction, as Streams commits every 100 ms.
     */
    static Configuration durableSettings(Path checkpoints) {
        Configuration settings = new Configuration();
        settings.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        settings.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        settings.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        settings.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        settings.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, COMMIT_INTERVAL);
        settings.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        return settings;
    }

    /** Puts the subject and the window start next to the window's counts. */
    static final class WithSubjectAndWindow
            extends ProcessWindowFunction<long[], Tuple5<String, Long, Long, Long, Long>, String, TimeWindow> {
        @Override
        public void process(String subject, Context context, Iterable<long[]> tallies,
                            Collector<Tuple5<String, Long, Long, Long, Long>> out) {
            long[] tally = tallies.iterator().next();
            out.collect(Tuple5.of(subject, context.window().getStart(), tally[0], tally[1], tally[2]));
        }
    }
}
