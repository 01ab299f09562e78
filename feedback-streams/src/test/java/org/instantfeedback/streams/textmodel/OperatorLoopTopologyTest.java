package org.instantfeedback.streams.textmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.streams.csat.Feedback.ratedText;
import static org.instantfeedback.streams.csat.Feedback.stars;
import static org.instantfeedback.streams.csat.Feedback.textOnly;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.events.RatedTextLabel;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.events.TextModelPublished;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.feedback.TestScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator loop through the application topology: feedback with a rating and a text becomes
 * a rated text on {@code feedback.rated-texts.v1}, a training round on those examples promotes a
 * model, and the topology then reads with it a text the base model misread.
 */
class OperatorLoopTopologyTest {
    private static final Instant START = Instant.parse("2026-11-30T07:00:00Z");
    private static final String ROUTE = "route-42";

    @TempDir
    Path stateDir;

    private final ActiveTextModel active = new ActiveTextModel(TestScorers.standard());
    private FeedbackTopologyDriver topology;
    private EventSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedbackReceived> feedback;
    private TestOutputTopic<String, FeedbackScored> scored;
    private TestOutputTopic<String, RatedText> ratedTexts;

    @BeforeEach
    void start() {
        topology = new FeedbackTopologyDriver(FeedbackTopologyDriver.settings("operator-loop-test", stateDir),
                (config, eventSerdes) -> StreamsTopology.build(StreamsTopology.Settings.of(config), active, eventSerdes,
                        new SimpleMeterRegistry()), START);
        serdes = topology.serdes();
        driver = topology.driver();
        feedback = topology.feedback();
        scored = driver.createOutputTopic(Topics.FEEDBACK_SCORED, new StringDeserializer(),
                serdes.scored().deserializer());
        ratedTexts = driver.createOutputTopic(Topics.RATED_TEXTS, new StringDeserializer(),
                serdes.ratedTexts().deserializer());
    }

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void feedback_with_a_rating_and_a_text_becomes_a_rated_text_keyed_by_its_event_id() {
        FeedbackReceived twoStars = ratedText(ROUTE, 2, RatingScale.STARS_5, "driver rude", START);
        send(twoStars);
        send(ratedText(ROUTE, 3, RatingScale.STARS_5, "on the 42 now", START));
        send(ratedText(ROUTE, 9, RatingScale.NPS_0_10, "would recommend", START));
        send(ratedText(ROUTE, 7, RatingScale.NPS_0_10, "fine I guess", START));
        send(ratedText(ROUTE, 0, RatingScale.THUMBS, "no", START));
        send(ratedText(ROUTE, 3, RatingScale.SMILEY_4, "nice", START));

        List<KeyValue<String, RatedText>> examples = ratedTexts.readKeyValuesToList();

        assertThat(examples).extracting(example -> example.value.getLabel()).containsExactly(
                RatedTextLabel.NEGATIVE, RatedTextLabel.NEUTRAL, RatedTextLabel.POSITIVE, RatedTextLabel.NEUTRAL,
                RatedTextLabel.NEGATIVE, RatedTextLabel.POSITIVE);
        assertThat(examples.get(0).key).isEqualTo(twoStars.getEventId());
        assertThat(examples.get(0).value.getText()).isEqualTo("driver rude");
        assertThat(examples.get(0).value.getSubject()).isEqualTo(ROUTE);
        assertThat(examples.get(0).value.getRating()).isEqualTo(twoStars.getRating());
        assertThat(examples.get(0).value.getLanguage()).isEqualTo("en");
    }

    @Test
    void feedback_without_a_text_or_without_a_rating_teaches_nothing() {
        send(stars(ROUTE, 1, START));
        send(textOnly(ROUTE, "late again", START));
        send(ratedText(ROUTE, 2, RatingScale.STARS_5, "   ", START));
        send(ratedText(ROUTE, 4, RatingScale.UNKNOWN, "a scale from a newer producer", START));

        assertThat(ratedTexts.isEmpty()).isTrue();
        assertThat(scored.readValuesToList()).hasSize(4);
    }

    @Test
    void scored_feedback_names_the_model_that_read_it_how_sure_it_was_and_why() {
        send(textOnly(ROUTE, "the driver was rude and the bus was filthy", START));
        send(stars(ROUTE, 5, START));

        List<FeedbackScored> readings = scored.readValuesToList();

        assertThat(readings.get(0).getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
        assertThat(readings.get(0).getModelVersion()).isEqualTo("base-1");
        assertThat(readings.get(0).getLabelProbability()).isBetween(0.5, 1.0);
        assertThat(readings.get(0).getSentiment()).isLessThan(-0.3);
        assertThat(readings.get(0).getSentimentTerms()).containsExactly("filthy -2.6", "rude -2.0");
        assertThat(readings.get(1).getModelVersion()).isNull();
        assertThat(readings.get(1).getLabelProbability()).isNull();
        assertThat(readings.get(1).getSentimentTerms()).isEmpty();
    }

    /**
     * A Glasgow operator's passengers call a freezing bus "baltic"; the base model does not know the
     * word. Their ratings teach it, and the next unrated "baltic" text reads as the complaint it is.
     */
    @Test
    void rated_feedback_through_the_topology_teaches_a_model_that_reads_what_the_base_model_misread() {
        String misread = "the top deck was baltic";
        send(textOnly(ROUTE, misread, START));
        assertThat(scored.readValue().getSentimentLabel()).as("the base model's reading")
                .isNotEqualTo(FeedbackSentiment.NEGATIVE);

        List<FeedbackReceived> rated = GlasgowFeedback.generate(new Random(20261206L), 320, START);
        rated.forEach(this::send);
        List<LabelledText> examples = new ArrayList<>();
        ratedTexts.readKeyValuesToList().forEach(example -> examples.add(
                RatedExamples.example(example.value, examples.size()).orElseThrow()));
        assertThat(examples).hasSize(320);

        OperatorTraining.Outcome outcome = TrainingRound.run(active, active.base(), examples,
                OperatorTraining.Settings.DEFAULTS, ModelVersions.version(1), START.plus(Duration.ofHours(1)),
                (epoch, epochs, loss) -> { });
        assertThat(outcome.promote()).isTrue();
        assertThat(outcome.candidateFigures().negativeF1()).isGreaterThan(outcome.current().negativeF1());
        TextModelPublished published = TrainingRound.published(outcome, active.base(), 320);
        assertThat(published.getVersion()).isEqualTo("op-1");
        assertThat(published.getParent()).isEqualTo("base-1");
        assertThat(published.getJudgedAgainst()).isEqualTo("base-1");
        assertThat(published.getTrainedOn() + published.getHeldBack()).isEqualTo(320);

        active.use(outcome.candidate());
        send(textOnly(ROUTE, misread, START.plus(Duration.ofHours(2))));

        FeedbackScored reread = scored.readValuesToList().get(320);
        assertThat(reread.getFeedback().getText()).isEqualTo(misread);
        assertThat(reread.getSentimentLabel()).isEqualTo(FeedbackSentiment.NEGATIVE);
        assertThat(reread.getModelVersion()).isEqualTo("op-1");
    }

    private void send(FeedbackReceived event) {
        feedback.pipeInput(event.getSubject(), event, event.getReceivedAt());
    }

    /** Rated feedback as a Glasgow operator gets it: varied texts, and a word of its own for cold. */
    static final class GlasgowFeedback {
        private static final String[] VEHICLES = {"bus", "42", "9", "tram", "top deck", "X4", "night bus", "44"};
        private static final String[] WHEN = {"this morning", "tonight", "today", "again", "at 8am", "on Monday",
                "after work", "yesterday"};

        static List<FeedbackReceived> generate(Random random, int count, Instant start) {
            List<FeedbackReceived> feedback = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String vehicle = pick(random, VEHICLES);
                String when = pick(random, WHEN);
                int kind = random.nextInt(10);
                String text;
                int stars;
                if (kind < 3) {
                    text = pick(random, new String[] {vehicle + " was baltic " + when, "absolutely baltic on the "
                            + vehicle + " " + when, "baltic " + when + ", " + vehicle + " heating broken",
                            "the " + vehicle + " is baltic", "baltic on the " + vehicle});
                    stars = 1 + random.nextInt(2);
                } else if (kind < 5) {
                    text = pick(random, new String[] {vehicle + " late " + when, "driver didn't stop " + when,
                            "the " + vehicle + " never came " + when, vehicle + " rammed " + when});
                    stars = 1 + random.nextInt(2);
                } else if (kind < 8) {
                    text = pick(random, new String[] {"lovely warm " + vehicle + " " + when + ", thanks",
                            "driver was brilliant " + when, "smooth ride on the " + vehicle + " " + when,
                            "cheers to the driver of the " + vehicle});
                    stars = 4 + random.nextInt(2);
                } else {
                    text = pick(random, new String[] {"on the " + vehicle + " " + when,
                            "what time is the last " + vehicle + "?", "is the " + vehicle + " running " + when + "?"});
                    stars = 3;
                }
                feedback.add(ratedText("route-" + vehicle, stars, RatingScale.STARS_5, text,
                        start.plus(Duration.ofMinutes(i))));
            }
            return feedback;
        }

        private static String pick(Random random, String[] choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
