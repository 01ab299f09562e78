package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.streams.csat.Feedback.stars;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.feedback.TestScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every window published on feedback.csat.v2 and every window the query API answers, held against
 * a computation of their own over a few thousand ratings of a few subjects, mostly in time order,
 * some late within the grace period and some beyond it: with the record cache and without, with
 * feedback.csat.v1 written and not, with the default windows and with windows whose advance is not
 * a divisor of their size (10 minutes every 4: 2-minute slices).
 *
 * <p>The computation here knows nothing of slices: a rating counts when, at its arrival, some
 * hopping window containing it has not yet closed (its end plus the grace is after the highest
 * event time seen), and then it counts in every window containing it. v2 publishes, after each
 * rating that counted, the earliest-ending window holding the rating, or, when that window starts
 * before the subject's last published one, the last published one if it holds the rating (else
 * nothing), unless that window was just published with the same figures.
 */
class CsatSlicesPropertyTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final List<String> SUBJECTS = List.of("route-1", "route-2", "route-3", "branch-7");
    private static final int RATINGS = 2_500;

    @TempDir
    Path stateDir;

    private FeedbackTopologyDriver topology;

    @AfterEach
    void closeDriver() {
        if (topology != null) {
            topology.close();
        }
    }

    static Stream<Arguments> setUps() {
        CsatWindowSpec quarterHourEveryMinute = new CsatWindowSpec(
                Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(6));
        CsatWindowSpec tenMinutesEveryFour = new CsatWindowSpec(
                Duration.ofMinutes(10), Duration.ofMinutes(4), Duration.ofMinutes(3), Duration.ofHours(6));
        List<Arguments> setUps = new ArrayList<>();
        for (boolean cache : List.of(true, false)) {
            for (boolean v1 : List.of(true, false)) {
                setUps.add(Arguments.of(quarterHourEveryMinute, cache, v1));
            }
        }
        // The placement of ratings too late for every window matters only here; once is enough.
        setUps.add(Arguments.of(tenMinutesEveryFour, true, true));
        setUps.add(Arguments.of(tenMinutesEveryFour, false, false));
        return setUps.stream();
    }

    @ParameterizedTest(name = "{0}, record cache {1}, v1 {2}")
    @MethodSource("setUps")
    void every_v2_window_and_every_queried_window_holds_exactly_the_ratings_that_count(
            CsatWindowSpec windows, boolean cache, boolean v1Enabled) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("csat-slices-property", stateDir);
        if (!cache) {
            settings.put("KAFKA_STATESTORE_CACHE_MAX_BYTES", "0");
        }
        topology = new FeedbackTopologyDriver(settings, windows, v1Enabled, TestScorers.standard(), null);
        Model model = new Model(windows);
        List<Rating> ratings = ratings(new Random(20261206L + (cache ? 1 : 0) + (v1Enabled ? 2 : 0)), windows);

        for (Rating rating : ratings) {
            topology.send(stars(rating.subject(), rating.stars(), Instant.ofEpochMilli(rating.at())));
            model.add(rating);
        }

        List<CsatWindow> published = topology.csatV2().readRecordsToList().stream().map(TestRecord::value).toList();
        assertThat(model.dropped).as("some ratings came too late for every window").isPositive();
        assertThat(model.countedLate).as("some late ratings still counted").isPositive();
        assertThat(model.published).isNotEmpty();
        assertThat(published).as("feedback.csat.v2, record by record").containsExactlyElementsOf(model.published);
        Map<String, Instant> latestStart = new HashMap<>();
        assertThat(published).as("a subject's v2 windows never go back in time").allSatisfy(window -> {
            Instant before = latestStart.put(window.getSubject(), window.getWindowStart());
            assertThat(before == null || !window.getWindowStart().isBefore(before)).isTrue();
        });
        assertThat(topology.csat().isEmpty()).as("feedback.csat.v1 written").isEqualTo(!v1Enabled);
        assertThat(topology.metricTotal("dropped-records-total")).as("dropped records counted")
                .isGreaterThanOrEqualTo(model.dropped);

        CsatQueries queries = new CsatQueries(windows, () -> topology.driver().getWindowStore(CsatTopology.SLICE_STORE));
        long end = ratings.stream().mapToLong(Rating::at).max().orElseThrow();
        for (String subject : SUBJECTS) {
            for (long at = START.toEpochMilli(); at <= end + windows.size().toMillis(); at += 20_000) {
                Instant moment = Instant.ofEpochMilli(at);
                assertThat(queries.currentWindow(subject, moment)).as("%s at %s", subject, moment)
                        .isEqualTo(model.figures(subject, windows.currentWindowStart(at)));
            }
        }
    }

    /** Ratings about 2 s apart in event time; one in twelve from up to 20 minutes back. */
    private static List<Rating> ratings(Random random, CsatWindowSpec windows) {
        List<Rating> ratings = new ArrayList<>();
        long now = START.toEpochMilli();
        for (int i = 0; i < RATINGS; i++) {
            now += random.nextInt(4_000);
            long at = random.nextInt(12) == 0 ? now - random.nextInt((int) Duration.ofMinutes(20).toMillis()) : now;
            ratings.add(new Rating(SUBJECTS.get(random.nextInt(SUBJECTS.size())), 1 + random.nextInt(5),
                    Math.max(at, START.toEpochMilli())));
        }
        return ratings;
    }

    private record Rating(String subject, int stars, long at) {
    }

    /** What should count and be published, worked out rating by rating without the slices. */
    private static final class Model {
        private final long size;
        private final long advance;
        private final long grace;
        private final Map<String, List<Rating>> counted = new HashMap<>();
        private final Map<String, CsatWindow> lastPublished = new HashMap<>();
        private final List<CsatWindow> published = new ArrayList<>();
        private long streamTime = Long.MIN_VALUE;
        private int dropped;
        private int countedLate;

        Model(CsatWindowSpec windows) {
            this.size = windows.size().toMillis();
            this.advance = windows.advance().toMillis();
            this.grace = windows.grace().toMillis();
        }

        void add(Rating rating) {
            streamTime = Math.max(streamTime, rating.at());
            if (!anyWindowOpen(rating.at())) {
                dropped++;
                return;
            }
            if (rating.at() < streamTime) {
                countedLate++;
            }
            counted.computeIfAbsent(rating.subject(), s -> new ArrayList<>()).add(rating);
            CsatWindow last = lastPublished.get(rating.subject());
            long target = earliestEndingWindowHolding(rating.at());
            if (last != null && target < last.getWindowStart().toEpochMilli()) {
                target = last.getWindowStart().toEpochMilli();
                if (rating.at() < target || rating.at() >= target + size) {
                    return;
                }
            }
            CsatWindow window = window(rating.subject(), target).orElseThrow();
            if (!window.equals(last)) {
                lastPublished.put(rating.subject(), window);
                published.add(window);
            }
        }

        /** Windows start at multiples of the advance; the latest one holding t starts at t rounded down. */
        private boolean anyWindowOpen(long t) {
            long latestStart = t / advance * advance;
            return latestStart + size + grace > streamTime;
        }

        private long earliestEndingWindowHolding(long t) {
            long start = t / advance * advance;
            while (start - advance >= 0 && start - advance + size > t) {
                start -= advance;
            }
            return start;
        }

        Optional<CsatFigures> figures(String subject, long windowStart) {
            return window(subject, windowStart).map(w -> new CsatFigures(subject, w.getWindowStart(), w.getWindowEnd(),
                    w.getRatedResponses(), w.getSatisfiedResponses(), w.getRatingSum(), w.getCsatPercent(),
                    w.getAverageRating(), w.getUpdatedAt()));
        }

        private Optional<CsatWindow> window(String subject, long windowStart) {
            List<Rating> inWindow = counted.getOrDefault(subject, List.of()).stream()
                    .filter(r -> r.at() >= windowStart && r.at() < windowStart + size)
                    .toList();
            if (inWindow.isEmpty()) {
                return Optional.empty();
            }
            long rated = inWindow.size();
            long satisfied = inWindow.stream().filter(r -> r.stars() >= 4).count();
            long sum = inWindow.stream().mapToLong(Rating::stars).sum();
            long latest = inWindow.stream().mapToLong(Rating::at).max().orElseThrow();
            return Optional.of(CsatWindow.newBuilder()
                    .setSubject(subject)
                    .setWindowStart(Instant.ofEpochMilli(windowStart))
                    .setWindowEnd(Instant.ofEpochMilli(windowStart + size))
                    .setRatedResponses(rated)
                    .setSatisfiedResponses(satisfied)
                    .setRatingSum(sum)
                    // rounded as the figures are published: to one and two decimals
                    .setCsatPercent(Math.round(100.0 * satisfied / rated * 10) / 10.0)
                    .setAverageRating(Math.round((double) sum / rated * 100) / 100.0)
                    .setUpdatedAt(Instant.ofEpochMilli(latest))
                    .build());
        }
    }
}
