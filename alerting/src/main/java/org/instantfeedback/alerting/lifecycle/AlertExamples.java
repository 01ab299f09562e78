package org.instantfeedback.alerting.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;

/**
 * An alert's example texts with the event ids behind them, newest first, so that ops can go from
 * an example to the passenger's conversation (a passenger's SMS keeps its event id as the message
 * id there). {@code eventIds.get(i)} is the event of {@code texts.get(i)}; the ids can be fewer
 * than the texts when older texts have no known id (alerts stored before ids were kept), never more.
 *
 * @param texts    up to {@value WindowMetrics#EXAMPLE_LIMIT} texts, newest first
 * @param eventIds the event ids of the first texts, in the same order
 */
record AlertExamples(List<String> texts, List<String> eventIds) {
    static final AlertExamples NONE = new AlertExamples(List.of(), List.of());

    AlertExamples {
        texts = List.copyOf(texts);
        eventIds = List.copyOf(eventIds);
        if (eventIds.size() > texts.size()) {
            throw new IllegalArgumentException(eventIds.size() + " event ids for " + texts.size() + " examples");
        }
    }

    static AlertExamples of(WindowFigures window) {
        return new AlertExamples(window.examples(), window.exampleEventIds());
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /**
     * These examples with a newer one in front, the oldest dropped beyond the limit. A text without
     * an event id (null) leaves no id aligned with its text, so the ids start over empty.
     */
    AlertExamples withNewest(String text, String eventId) {
        List<String> newestTexts = new ArrayList<>();
        newestTexts.add(text);
        newestTexts.addAll(texts);
        List<String> newestIds = new ArrayList<>();
        if (eventId != null) {
            newestIds.add(eventId);
            newestIds.addAll(eventIds);
        }
        return new AlertExamples(limit(newestTexts), limit(newestIds));
    }

    private static List<String> limit(List<String> list) {
        return list.subList(0, Math.min(WindowMetrics.EXAMPLE_LIMIT, list.size()));
    }
}
