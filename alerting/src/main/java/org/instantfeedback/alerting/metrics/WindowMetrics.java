package org.instantfeedback.alerting.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.instantfeedback.alerting.FeedbackObservation;

/**
 * What a windowed aggregate stores per subject (or group) and window: sums and sketches from which
 * every figure of the window is derived on demand ({@link #figures(Instant, Instant)}).
 *
 * <p>Immutable and mergeable: {@code add(o)} is {@code merge(of(o))}, and {@code merge} is
 * associative and commutative, so a trailing window can be assembled from smaller buckets in any
 * grouping and gives the same figures as counting every response in one. The one exception is
 * the topic guard: a window meeting more than {@value #MAX_TOPIC_IDS} different topic ids keeps
 * only the first ones it met (topic ids come from a fixed vocabulary of nine, so this only guards
 * the store against garbage).
 *
 * <p>Duplicates are not detected here: the streams application drops a repeated event id before
 * it reaches a window, so this type does not have to remember every id it counted.
 *
 * @param counts        the plain counts
 * @param senders       distinct people who responded
 * @param complainants  distinct people who complained; alerts need several of them, so one sender
 *                      (or a bot) cannot raise one alone
 * @param topicCounts   responses per topic id
 * @param examples      the newest complaint texts, newest first, at most {@value #EXAMPLE_LIMIT}
 * @param latestEventAt event time of the newest response counted; null when empty
 */
public record WindowMetrics(ResponseCounts counts, DistinctSenders senders, DistinctSenders complainants,
                            SortedMap<String, Long> topicCounts, List<ExampleText> examples,
                            Instant latestEventAt) {
    public static final int EXAMPLE_LIMIT = 3;
    private static final int TOP_TOPICS = 3;
    public static final int MAX_TOPIC_IDS = 64;
    private static final WindowMetrics EMPTY = new WindowMetrics(ResponseCounts.ZERO, DistinctSenders.none(),
            DistinctSenders.none(), new TreeMap<>(), List.of(), null);

    public WindowMetrics {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(complainants, "complainants");
        topicCounts = Collections.unmodifiableSortedMap(new TreeMap<>(topicCounts));
        examples = newestFirst(examples);
        if (examples.size() > EXAMPLE_LIMIT) {
            throw new IllegalArgumentException("at most " + EXAMPLE_LIMIT + " examples, got " + examples.size());
        }
    }

    public static WindowMetrics empty() {
        return EMPTY;
    }

    /** The metrics of one response. Anonymous responses count, but not as a distinct sender. */
    public static WindowMetrics of(FeedbackObservation o) {
        DistinctSenders sender = o.senderPseudonym() == null ? DistinctSenders.none()
                : DistinctSenders.none().with(o.senderPseudonym());
        SortedMap<String, Long> topics = new TreeMap<>();
        o.topics().stream().distinct().limit(MAX_TOPIC_IDS).forEach(topic -> topics.put(topic, 1L));
        List<ExampleText> example = o.isComplaint() && o.hasText()
                ? List.of(ExampleText.of(o.eventId(), o.occurredAt(), o.text(), o.reading()))
                : List.of();
        return new WindowMetrics(ResponseCounts.of(o), sender, o.isComplaint() ? sender : DistinctSenders.none(),
                topics, example, o.occurredAt());
    }

    /** These metrics with one more response counted. */
    public WindowMetrics add(FeedbackObservation observation) {
        return merge(of(observation));
    }

    /** The metrics of both, as if every response had been counted in one. */
    public WindowMetrics merge(WindowMetrics other) {
        return new WindowMetrics(counts.plus(other.counts), senders.merge(other.senders),
                complainants.merge(other.complainants), mergeTopics(topicCounts, other.topicCounts),
                newestExamples(examples, other.examples), later(latestEventAt, other.latestEventAt));
    }

    /** The figures of these metrics as the window {@code [windowStart, windowEnd)}. */
    public WindowFigures figures(Instant windowStart, Instant windowEnd) {
        return new WindowFigures(windowStart, windowEnd, counts, senders.count(), complainants.count(),
                senders.isExact() && complainants.isExact(), topTopics(),
                examples.stream().map(ExampleText::text).toList(),
                examples.stream().map(ExampleText::eventId).toList(), latestEventAt);
    }

    /** The {@value #TOP_TOPICS} most mentioned topics, most first; ties in topic-id order. */
    public List<TopicCount> topTopics() {
        return topicCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TOPICS)
                .map(entry -> new TopicCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static SortedMap<String, Long> mergeTopics(SortedMap<String, Long> a, SortedMap<String, Long> b) {
        SortedMap<String, Long> merged = new TreeMap<>(a);
        b.forEach((topic, count) -> {
            if (merged.containsKey(topic) || merged.size() < MAX_TOPIC_IDS) {
                merged.merge(topic, count, Long::sum);
            }
        });
        return merged;
    }

    // Both lists are newest first without repeats (the constructor sees to it), so merging them is
    // a walk down both: this runs for every bucket of every window a response touches.
    private static List<ExampleText> newestExamples(List<ExampleText> a, List<ExampleText> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<ExampleText> merged = new ArrayList<>(EXAMPLE_LIMIT);
        int i = 0;
        int j = 0;
        while (merged.size() < EXAMPLE_LIMIT && (i < a.size() || j < b.size())) {
            int order = i == a.size() ? 1 : j == b.size() ? -1 : ExampleText.NEWEST_FIRST.compare(a.get(i), b.get(j));
            if (order <= 0) {
                merged.add(a.get(i++));
                if (order == 0) {
                    j++;
                }
            } else {
                merged.add(b.get(j++));
            }
        }
        return merged;
    }

    /** Newest first, each event once; a copy, sorted only when it is not already. */
    private static List<ExampleText> newestFirst(List<ExampleText> examples) {
        for (int i = 1; i < examples.size(); i++) {
            if (ExampleText.NEWEST_FIRST.compare(examples.get(i - 1), examples.get(i)) >= 0) {
                Map<String, ExampleText> byEvent = new LinkedHashMap<>();
                examples.stream().sorted(ExampleText.NEWEST_FIRST)
                        .forEach(example -> byEvent.putIfAbsent(example.eventId(), example));
                return List.copyOf(byEvent.values());
            }
        }
        return List.copyOf(examples);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
