package org.instantfeedback.streams.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.FeedbackSentiment;
import org.instantfeedback.events.FeedbackTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scored feedback as the alerting core sees it ({@link FeedbackObservation}), once for its subject
 * and once for each group the hierarchy puts the subject in, keyed by {@link ScopeKey}, so metrics
 * and alerts roll up from a route to its depot, region and brand.
 */
final class Observations {
    private static final Logger log = LoggerFactory.getLogger(Observations.class);

    private final SubjectHierarchy hierarchy;

    Observations(SubjectHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    List<KeyValue<String, AlertingInput>> fanOut(FeedbackScored scored) {
        if (scored.getFeedback().getAnswersFollowUp()) {
            return List.of(); // it rates how ops handled the passenger, not the journey (see feedback.handling.v1)
        }
        FeedbackObservation observation;
        try {
            observation = of(scored);
        } catch (IllegalArgumentException e) {
            // ingest never writes such feedback; should one slip through, it stays on feedback.scored.v1
            log.warn("Left feedback {} out of metrics and alerts: {}", scored.getFeedback().getEventId(), e.getMessage());
            return List.of();
        }
        List<KeyValue<String, AlertingInput>> out = new ArrayList<>();
        out.add(KeyValue.pair(ScopeKey.subject(observation.subject()).toString(), AlertingInput.of(observation)));
        for (String group : hierarchy.groupsOf(observation.subject())) {
            out.add(KeyValue.pair(ScopeKey.group(group).toString(), AlertingInput.of(observation)));
        }
        return out;
    }

    static FeedbackObservation of(FeedbackScored scored) {
        FeedbackReceived feedback = scored.getFeedback();
        return new FeedbackObservation(feedback.getEventId(), feedback.getSubject(), feedback.getOccurredAt(),
                feedback.getRating() == null ? null : feedback.getRating().getValue(),
                feedback.getRating() == null ? null : feedback.getRating().getScale().name(),
                sentiment(scored.getSentimentLabel()), scored.getUrgent(),
                scored.getTopics().stream().map(Observations::topicId).toList(),
                feedback.getSenderPseudonym(), feedback.getText(), reading(scored));
    }

    /**
     * "negative 94%: rude -2.0, late again -2.2": the label, the model's probability of it and the
     * terms that weighed most; null for a text that was not read (none, or a language not read).
     */
    static String reading(FeedbackScored scored) {
        FeedbackSentiment label = scored.getSentimentLabel();
        if (label == null || label == FeedbackSentiment.NONE || label == FeedbackSentiment.UNKNOWN) {
            return null;
        }
        StringBuilder reading = new StringBuilder(label.name().toLowerCase(Locale.ROOT));
        if (scored.getLabelProbability() != null) {
            reading.append(' ').append(Math.round(scored.getLabelProbability() * 100)).append('%');
        }
        if (!scored.getSentimentTerms().isEmpty()) {
            reading.append(": ").append(String.join(", ", scored.getSentimentTerms()));
        }
        return reading.toString();
    }

    // NONE means there was no text to read; the core takes null for that and "unknown" for an unread language
    private static String sentiment(FeedbackSentiment label) {
        return label == null || label == FeedbackSentiment.NONE ? null : label.name().toLowerCase(Locale.ROOT);
    }

    private static String topicId(FeedbackTopic topic) {
        return topic.name().toLowerCase(Locale.ROOT);
    }
}
