package org.instantfeedback.streams.feedback;

import java.util.Map;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertHandling;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.HandlingMetrics;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.registry.SpecificAvroSerde;

/**
 * The registry serdes of the events the topology reads and writes, configured once for one
 * registry. Each instance owns its registry clients: close it with the app (or the test).
 */
public record EventSerdes(
        SpecificAvroSerde<FeedbackReceived> feedback,
        SpecificAvroSerde<FeedbackScored> scored,
        SpecificAvroSerde<CsatWindow> csat,
        SpecificAvroSerde<FeedbackAlert> alerts,
        SpecificAvroSerde<FeedbackMetrics> metrics,
        SpecificAvroSerde<FeedbackAlertHandling> alertHandling,
        SpecificAvroSerde<RatedText> ratedTexts,
        SpecificAvroSerde<Conversation> conversations,
        SpecificAvroSerde<ReplyRequested> replies,
        SpecificAvroSerde<ReplyStatus> replyStatus,
        SpecificAvroSerde<HandlingMetrics> handling) implements AutoCloseable {

    /** Serdes for the registry the settings point at ({@code schema.registry.url}, ...; {@code mock://} too). */
    public static EventSerdes forRegistry(Map<String, ?> registrySettings) {
        return new EventSerdes(
                SpecificAvroSerde.forValues(FeedbackReceived.class, registrySettings),
                SpecificAvroSerde.forValues(FeedbackScored.class, registrySettings),
                SpecificAvroSerde.forValues(CsatWindow.class, registrySettings),
                SpecificAvroSerde.forValues(FeedbackAlert.class, registrySettings),
                SpecificAvroSerde.forValues(FeedbackMetrics.class, registrySettings),
                SpecificAvroSerde.forValues(FeedbackAlertHandling.class, registrySettings),
                SpecificAvroSerde.forValues(RatedText.class, registrySettings),
                SpecificAvroSerde.forValues(Conversation.class, registrySettings),
                SpecificAvroSerde.forValues(ReplyRequested.class, registrySettings),
                SpecificAvroSerde.forValues(ReplyStatus.class, registrySettings),
                SpecificAvroSerde.forValues(HandlingMetrics.class, registrySettings));
    }

    @Override
    public void close() {
        feedback.close();
        scored.close();
        csat.close();
        alerts.close();
        metrics.close();
        alertHandling.close();
        ratedTexts.close();
        conversations.close();
        replies.close();
        replyStatus.close();
        handling.close();
    }
}
