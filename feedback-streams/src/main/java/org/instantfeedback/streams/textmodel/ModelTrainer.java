package org.instantfeedback.streams.textmodel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.registry.SpecificAvroSerializer;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.instantfeedback.streams.clients.ConsumerThread;
import org.instantfeedback.streams.clients.StandaloneClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the operator's language: gathers the rated texts of {@code feedback.rated-texts.v1} and,
 * on a schedule and a count, trains a candidate on the base model plus these examples, judges it
 * against the current model on the newest of them, and publishes it on
 * {@code feedback.text-models.v1} when it is not worse ({@link OperatorTraining}).
 *
 * <p>One instance trains: the rated texts have one partition, and the consumer group
 * {@code <application.id>.text-model-trainer} gives it to one member (another takes over when that
 * one leaves). The owner reads the topic from its start every time it gets the partition, so a
 * restart loses no example, and commits nothing. Training runs on a thread of its own, never on
 * a stream thread, and the same examples give the same model.
 */
public final class ModelTrainer extends ConsumerThread {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.RATED_TEXTS, 0);

    private final TextModelSettings settings;
    private final Map<String, Object> consumerSettings;
    private final Map<String, Object> producerSettings;
    private final Map<String, ?> registrySettings;
    private final ActiveTextModel active;
    private final TextModelFeed feed;
    private final Clock clock;
    private final ExecutorService training = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "text-model-training");
        thread.setDaemon(true);
        return thread;
    });
    private final RatedExamples examples;
    private final AtomicInteger examplesHeld = new AtomicInteger();
    private final RetrainSchedule schedule;
    private final TrainingMeters meters;
    /** Bumped whenever the partition comes or goes: a round started before then is not published. */
    private volatile int ownership;
    private boolean owner;
    private long endAtAssignment;
    private Future<?> round;

    public ModelTrainer(TextModelSettings settings, Map<String, ?> kafkaSettings, Map<String, ?> registrySettings,
                        String applicationId, ActiveTextModel active, TextModelFeed feed, MeterRegistry meters,
                        Clock clock) {
        super("text-model-trainer");
        this.settings = settings;
        this.consumerSettings = consumerSettings(kafkaSettings, applicationId);
        this.producerSettings = producerSettings(kafkaSettings, applicationId);
        this.registrySettings = registrySettings;
        this.active = active;
        this.feed = feed;
        this.clock = clock;
        this.examples = new RatedExamples(settings.maximumExamples());
        this.schedule = new RetrainSchedule(settings, clock.instant());
        this.meters = new TrainingMeters(meters, examplesHeld);
    }

    static Map<String, Object> consumerSettings(Map<String, ?> kafkaSettings, String applicationId) {
        Map<String, Object> settings = StandaloneClients.consumer(kafkaSettings, applicationId + "-text-model-trainer");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + ".text-model-trainer");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Rated texts are written in exactly-once transactions: learn only from committed ones.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    static Map<String, Object> producerSettings(Map<String, ?> kafkaSettings, String applicationId) {
        Map<String, Object> settings = StandaloneClients.producer(kafkaSettings,
                applicationId + "-text-model-publisher");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TextModelTopics.MAX_MODEL_BYTES);
        return settings;
    }

    @Override
    protected String whatStops() {
        return "no new text models until a restart";
    }

    @Override
    protected void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new ByteArrayDeserializer());
             SpecificAvroDeserializer<RatedText> ratedTexts = new SpecificAvroDeserializer<>(RatedText.class);
             KafkaProducer<String, TextModelPublished> publisher = publisher()) {
            if (!wakeable(kafka)) {
                return;
            }
            ratedTexts.configure(registrySettings, false);
            kafka.subscribe(List.of(Topics.RATED_TEXTS), new Ownership(kafka));
            while (!closed()) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL_TIMEOUT)) {
                    gather(record, ratedTexts);
                }
                // Only the owner may ask for its position: an instance that never had the partition,
                // or lost it in the rebalance this poll ran, would be refused (IllegalStateException).
                if (owner && round == null) {
                    long through = kafka.position(PARTITION);
                    if (through >= endAtAssignment && schedule.due(examples.size(), through, feed.latest(),
                            feed.nextGeneration(), clock.instant())) {
                        startRound(through, publisher);
                    }
                }
                if (round != null && round.isDone()) {
                    round = null;
                }
            }
        }
    }

    private KafkaProducer<String, TextModelPublished> publisher() {
        SpecificAvroSerializer<TextModelPublished> serializer = new SpecificAvroSerializer<>();
        serializer.configure(registrySettings, false);
        return new KafkaProducer<>(producerSettings, new StringSerializer(), serializer);
    }

    private void gather(ConsumerRecord<String, byte[]> record, SpecificAvroDeserializer<RatedText> ratedTexts) {
        if (record.value() == null) {
            return;
        }
        RatedText rated;
        try {
            rated = ratedTexts.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipped rated text {}@{}: {}", record.topic(), record.offset(), e.getMessage());
            return;
        }
        examples.add(rated, record.offset());
        examplesHeld.set(examples.size());
    }

    private void startRound(long through, KafkaProducer<String, TextModelPublished> publisher) {
        List<LabelledText> snapshot = examples.snapshot();
        int roundOwnership = ownership;
        schedule.started(through, clock.instant());
        round = training.submit(() -> train(snapshot, through, roundOwnership, publisher));
    }

    private void train(List<LabelledText> snapshot, long through, int roundOwnership,
                       KafkaProducer<String, TextModelPublished> publisher) {
        PublishedModel latest = feed.latest().orElse(null);
        TextModel current = latest == null ? active.base() : latest.model();
        String version = ModelVersions.version(feed.nextGeneration());
        long started = System.nanoTime();
        try {
            log.info("Training text model {} on {} rated texts (through offset {}), judging it against {}", version,
                    snapshot.size(), through, current.version());
            OperatorTraining.Outcome outcome = TrainingRound.run(active, current, snapshot, settings.training(),
                    version, clock.instant(), (epoch, epochs, loss) -> log.debug(
                            "Text model {}: pass {} of {}, mean loss {}", version, epoch, epochs, loss));
            meters.judged(outcome, Duration.ofNanos(System.nanoTime() - started));
            String figures = String.format(Locale.ROOT, "held-back accuracy %.3f (%s: %.3f), negative F1 %.3f (%.3f)"
                            + " on the newest %d rated texts", outcome.candidateFigures().accuracy(), current.version(),
                    outcome.current().accuracy(), outcome.candidateFigures().negativeF1(),
                    outcome.current().negativeF1(), outcome.heldBack());
            if (!outcome.promote()) {
                log.info("Kept text model {}: the candidate is worse, {}", current.version(), figures);
                return;
            }
            if (roundOwnership != ownership || closed()) {
                log.info("Dropped text model {}: this instance no longer trains", version);
                return;
            }
            publisher.send(new ProducerRecord<>(Topics.TEXT_MODELS, version,
                    TrainingRound.published(outcome, current, through))).get(30, TimeUnit.SECONDS);
            schedule.published(ModelVersions.generation(version));
            log.info("Promoted text model {}: {}; reads {}", version, figures,
                    String.join(", ", outcome.candidate().info().languages()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (closed()) {
                log.debug("Training text model {} stopped by the shutdown", version, e);
                return;
            }
            meters.failed();
            log.error("Training text model {} failed; the next round tries again", version, e);
        }
    }

    /** The partition's owner reads it from the start; one that loses it forgets what it gathered. */
    private final class Ownership implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        Ownership(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.contains(PARTITION)) {
                ownership++;
                owner = true;
                examples.clear();
                kafka.seekToBeginning(List.of(PARTITION));
                endAtAssignment = kafka.endOffsets(List.of(PARTITION)).get(PARTITION);
                log.info("This instance trains the text model now: reading the {} rated texts so far",
                        endAtAssignment);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(PARTITION)) {
                ownership++;
                owner = false;
                examples.clear();
                examplesHeld.set(0);
            }
        }
    }

    /** A round in progress ends (or is abandoned) before the publisher it uses is closed. */
    @Override
    protected void closing() {
        training.shutdownNow();
        try {
            training.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meters.close();
    }
}
