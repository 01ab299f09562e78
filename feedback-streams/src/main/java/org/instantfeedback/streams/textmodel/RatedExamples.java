package org.instantfeedback.streams.textmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.RatedText;
import org.instantfeedback.scoring.SentimentLabel;
import org.instantfeedback.scoring.training.LabelledText;

/**
 * The rated texts the trainer learns from: the newest {@code maximum}, oldest first, each event
 * once (a rated text written twice, by two deployments on one topic, counts once). Used by the
 * trainer's thread only.
 */
final class RatedExamples {

    private final int maximum;
    private final LinkedHashMap<String, LabelledText> byEventId = new LinkedHashMap<>();

    RatedExamples(int maximum) {
        this.maximum = maximum;
    }

    /** Adds the example a rated text gives, dropping the oldest beyond the maximum. */
    void add(RatedText rated, long offset) {
        example(rated, offset).ifPresent(example -> {
            byEventId.putIfAbsent(example.id(), example);
            if (byEventId.size() > maximum) {
                byEventId.remove(byEventId.keySet().iterator().next());
            }
        });
    }

    /** The example a rated text gives; none for a label this version does not know. */
    static Optional<LabelledText> example(RatedText rated, long offset) {
        return switch (rated.getLabel()) {
            case NEGATIVE, NEUTRAL, POSITIVE -> Optional.of(new LabelledText(rated.getText(),
                    SentimentLabel.valueOf(rated.getLabel().name()), "operator", rated.getSubject(),
                    rated.getEventId(), Topics.RATED_TEXTS + "@" + offset));
            default -> Optional.empty();
        };
    }

    int size() {
        return byEventId.size();
    }

    /** A copy, oldest first, for a training round to work on while more arrive. */
    List<LabelledText> snapshot() {
        return new ArrayList<>(byEventId.values());
    }

    void clear() {
        byEventId.clear();
    }
}
