package org.instantfeedback.streams.textmodel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.registry.SpecificAvroDeserializer;
import org.instantfeedback.scoring.model.ModelFormatException;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.streams.clients.ConsumerThread;
import org.instantfeedback.streams.clients.StandaloneClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every promoted text model from {@code feedback.text-models.v1} (all of it, from the start,
 * on every instance: no group, nothing committed) and makes the right one active: the version
 * pinned by {@code TEXT_MODEL_VERSION}, else the latest promoted. So all instances read texts
 * with the same model, and a restarted instance picks up where the others are.
 *
 * <p>A record that cannot be read (a schema it does not know, bytes that are not a model) is
 * logged and skipped; the model in use stays.
 */
public final class TextModelFeed extends ConsumerThread {

    private static final Logger log = LoggerFactory.getLogger(TextModelFeed.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TEXT_MODELS, 0);

    private final Map<String, Object> consumerSettings;
    private final Map<String, ?> registrySettings;
    private final ActiveTextModel active;
    private final Optional<String> pinned;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile PublishedModel latest;

    public TextModelFeed(Map<String, ?> kafkaSettings, Map<String, ?> registrySettings, String clientId,
                         ActiveTextModel active, Optional<String> pinned) {
        super("text-model-feed");
        this.consumerSettings = consumerSettings(kafkaSettings, clientId);
        this.registrySettings = registrySettings;
        this.active = active;
        this.pinned = pinned;
    }

    static Map<String, Object> consumerSettings(Map<String, ?> kafkaSettings, String clientId) {
        Map<String, Object> settings = StandaloneClients.consumer(kafkaSettings, clientId);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One model is a record of up to 16 MiB; fetch it whole.
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TextModelTopics.MAX_MODEL_BYTES);
        return settings;
    }


    /** Waits until every model promoted before the start has been read, or the timeout passed. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The latest promoted model, pinned or not: what a new model is judged against. */
    public Optional<PublishedModel> latest() {
        return Optional.ofNullable(latest);
    }

    /** The generation the next promoted model gets: one more than the latest. */
    public int nextGeneration() {
        PublishedModel current = latest;
        return current == null ? 1 : current.generation() + 1;
    }

    @Override
    protected String whatStops() {
        return "texts stay with text model " + active.model().version() + " until a restart";
    }

    /** Reads every promoted model; {@link #awaitCaughtUp} tells when those promoted before the start are read. */
    @Override
    protected void run() {
        if (pinned.isPresent() && pinned.get().equals(active.base().version())) {
            log.info("Text model pinned to the base model {}", pinned.get());
        }
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new ByteArrayDeserializer());
             SpecificAvroDeserializer<TextModelPublished> records =
                     new SpecificAvroDeserializer<>(TextModelPublished.class)) {
            if (!wakeable(kafka)) {
                return;
            }
            records.configure(registrySettings, false);
            kafka.assign(List.of(PARTITION));
            kafka.seekToBeginning(List.of(PARTITION));
            long end = kafka.endOffsets(List.of(PARTITION)).get(PARTITION);
            if (kafka.position(PARTITION) >= end) {
                caughtUp.countDown();
            }
            while (!closed()) {
                read(kafka.poll(POLL_TIMEOUT), records);
                if (caughtUp.getCount() > 0 && kafka.position(PARTITION) >= end) {
                    log.info("Read the {} promoted text models; texts are read by {}", end, active.model().version());
                    caughtUp.countDown();
                }
            }
        }
    }

    /**
     * Of a batch of records, decodes only the models that may become active: the newest one this
     * version can read (trying the next older when the newest cannot be read), and the pinned one.
     * A model is 12 MB in memory, and a restart reads every version there has been.
     */
    private void read(ConsumerRecords<String, byte[]> batch, SpecificAvroDeserializer<TextModelPublished> records) {
        List<TextModelPublished> newestFirst = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            TextModelPublished published = published(record, records);
            if (published != null) {
                newestFirst.add(published);
            }
        }
        newestFirst.sort(Comparator.comparingInt(TextModelFeed::generation).reversed());
        Optional<TextModel> pinnedModel = Optional.empty();
        boolean pinnedTried = false;
        for (TextModelPublished published : newestFirst) {
            if (latest != null && generation(published) <= latest.generation()) {
                break;
            }
            Optional<TextModel> model = model(published);
            pinnedTried |= isPinned(published);
            if (model.isPresent()) {
                pinnedModel = isPinned(published) ? model : pinnedModel;
                published.setModel(ByteBuffer.allocate(0));
                latest = new PublishedModel(model.get(), published);
                if (pinned.isEmpty()) {
                    active.use(model.get());
                }
                break;
            }
        }
        if (!pinnedTried) {
            pinnedModel = newestFirst.stream().filter(this::isPinned).findFirst().flatMap(this::model);
        }
        pinnedModel.ifPresent(active::use);
    }

    private boolean isPinned(TextModelPublished published) {
        return pinned.isPresent() && pinned.get().equals(published.getVersion());
    }

    private static TextModelPublished published(ConsumerRecord<String, byte[]> record,
                                                SpecificAvroDeserializer<TextModelPublished> records) {
        if (record.value() == null) {
            return null;
        }
        try {
            return records.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.error("Skipped text model record {}@{} (key {}): {}", record.topic(), record.offset(), record.key(),
                    e.getMessage());
            return null;
        }
    }

    /** The record's model, if it is one this version can read with its features. */
    private Optional<TextModel> model(TextModelPublished published) {
        String where = Topics.TEXT_MODELS + " (" + published.getVersion() + ")";
        try {
            TextModel model = TextModelFile.fromBytes(bytes(published.getModel()), where);
            // refuses a model trained on other features than this version's scorer gives
            active.lexicon().withModel(model);
            return Optional.of(model);
        } catch (ModelFormatException | IllegalArgumentException e) {
            log.error("Skipped text model {}: {}", where, e.getMessage());
            return Optional.empty();
        }
    }

    private static int generation(TextModelPublished published) {
        return ModelVersions.generation(published.getVersion());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
