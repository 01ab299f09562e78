package org.instantfeedback.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.streams.alerting.AlertingOptions;
import org.instantfeedback.streams.alerting.AlertingTopology;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.conversations.ConversationSettings;
import org.instantfeedback.streams.conversations.ConversationTopology;
import org.instantfeedback.streams.csat.CsatTopology;
import org.instantfeedback.streams.csat.CsatWindowSpec;
import org.instantfeedback.streams.feedback.EventSerdes;
import org.instantfeedback.streams.feedback.FeedbackTopology;
import org.instantfeedback.streams.handling.HandlingTopology;
import org.instantfeedback.streams.query.QueryTopology;
import org.instantfeedback.streams.textmodel.RatedTexts;

/**
 * The whole application topology, built in this one place for {@link StreamsApp} and for every
 * test that drives the app: feedback from {@code feedback.received.v1}, placed in time by
 * {@code occurredAt} and deduplicated by {@code eventId} ({@link FeedbackTopology}), then
 * <ul>
 *   <li>scored and written to {@code feedback.scored.v1} (a record whose scoring fails goes to
 *       {@code feedback.deadletter.v1} instead), and</li>
 *   <li>counted into rolling CSAT per time slice, the current window of each subject published on
 *       {@code feedback.csat.v2} and, while {@code CSAT_V1_ENABLED}, every hopping window on the
 *       deprecated {@code feedback.csat.v1} ({@link CsatTopology}), and</li>
 *   <li>the scored stream feeds rolling metrics per subject and group and alerts
 *       ({@link AlertingTopology}), and</li>
 *   <li>feedback that came with an address to answer joins or starts a conversation, which ops
 *       answer through the query API ({@link ConversationTopology}), and the first response,
 *       response and handling times of that are measured per subject, group and ops user
 *       ({@link HandlingTopology});</li>
 *   <li>every text that came with a rating goes to {@code feedback.rated-texts.v1} as an example
 *       the text model learns from ({@link RatedTexts});</li>
 *   <li>the stores the query API reads are filled from the metrics and alerts topics
 *       ({@link QueryTopology}).</li>
 * </ul>
 * CSAT reads the deduplicated feedback rather than the scored stream: a rating counts even when
 * its text could not be scored.
 */
public final class StreamsTopology {

    private StreamsTopology() {
    }

    /**
     * What the topology is built from: the parts of {@link StreamsAppConfig} its processors and
     * stores read.
     *
     * @param csatWindows            the hopping windows CSAT is computed over
     * @param csatV1Enabled          whether the deprecated feedback.csat.v1 is still written ({@code CSAT_V1_ENABLED})
     * @param dedupeHorizon          how long a copy of a feedback is still dropped as a duplicate
     * @param alerting               rolling metrics and alerts
     * @param seriesSpan             how long the query API's history of figures is kept
     * @param resolvedAlertRetention how long resolved alerts stay in the query API's store
     * @param conversations          how conversations with passengers are kept
     */
    public record Settings(CsatWindowSpec csatWindows, boolean csatV1Enabled, Duration dedupeHorizon,
                           AlertingOptions alerting, Duration seriesSpan, Duration resolvedAlertRetention,
                           ConversationSettings conversations) {
        public Settings {
            Objects.requireNonNull(csatWindows, "csatWindows");
            Objects.requireNonNull(dedupeHorizon, "dedupeHorizon");
            Objects.requireNonNull(alerting, "alerting");
            Objects.requireNonNull(seriesSpan, "seriesSpan");
            Objects.requireNonNull(resolvedAlertRetention, "resolvedAlertRetention");
            Objects.requireNonNull(conversations, "conversations");
        }

        /** The settings the application runs with. */
        public static Settings of(StreamsAppConfig config) {
            return new Settings(config.csatWindows(), config.csatOutputs().v1Enabled(), config.dedupeHorizon(),
                    config.alerting(), config.api().seriesSpan(), config.api().resolvedAlertRetention(),
                    config.conversations());
        }

        public Settings withCsatWindows(CsatWindowSpec windows) {
            return new Settings(windows, csatV1Enabled, dedupeHorizon, alerting, seriesSpan, resolvedAlertRetention,
                    conversations);
        }

        public Settings withCsatV1Enabled(boolean enabled) {
            return new Settings(csatWindows, enabled, dedupeHorizon, alerting, seriesSpan, resolvedAlertRetention,
                    conversations);
        }

        public Settings withAlerting(AlertingOptions options) {
            return new Settings(csatWindows, csatV1Enabled, dedupeHorizon, options, seriesSpan, resolvedAlertRetention,
                    conversations);
        }
    }

    /**
     * The topology as the application runs it.
     *
     * @param scorer the scorer in use, asked for each text (the app's changes when a text model is promoted)
     * @param meters where the meters recorded as records are processed go
     */
    public static Topology build(Settings settings, Supplier<TextScorer> scorer, EventSerdes serdes,
                                 MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, FeedbackReceived> feedback =
                FeedbackTopology.deduplicatedFeedback(builder, settings.dedupeHorizon(), serdes.feedback());
        KStream<String, FeedbackScored> scored = FeedbackTopology.addScoring(feedback, scorer, serdes);
        RatedTexts.addTo(scored, serdes.ratedTexts());
        CsatTopology.addCsat(feedback, settings.csatWindows(), settings.csatV1Enabled(), serdes.csat(), meters);
        ConversationTopology.Outputs conversations = ConversationTopology.addTo(builder, scored,
                settings.conversations(), settings.alerting().hierarchy(), serdes);
        AlertingTopology.addAlerting(builder, scored, conversations.waiting(), settings.alerting(), serdes, meters);
        HandlingTopology.addTo(builder, conversations.facts(), settings.alerting().windows(),
                settings.alerting().hierarchy(), serdes, meters);
        Topology topology = builder.build();
        QueryTopology.addTo(topology, serdes, settings.seriesSpan(), settings.resolvedAlertRetention());
        return topology;
    }
}
