package org.instantfeedback.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.config.Topics;
import org.instantfeedback.streams.csat.CsatFigures;
import org.instantfeedback.streams.csat.CsatTopology;

/**
 * Answers the query API for the whole application, whichever instance is asked: a key is read
 * where it lives (here, or asked of its owner), a list is gathered from every instance holding
 * part of the store and merged. Any part that cannot be read right now makes the whole answer
 * "ask again" ({@link QueryUnavailableException}), never a partial one.
 */
public final class QueryService {
    private static final TypeReference<List<ScopedFigures>> FIGURES_LIST = new TypeReference<>() { };
    private static final TypeReference<List<AlertView>> ALERT_LIST = new TypeReference<>() { };
    private static final TypeReference<SubjectSeries> SERIES = new TypeReference<>() { };
    private static final TypeReference<CsatFigures> CSAT = new TypeReference<>() { };
    private static final TypeReference<AlertView> ALERT = new TypeReference<>() { };
    private static final Comparator<AlertView> NEWEST_FIRST = Comparator.comparing(AlertView::openedAt)
            .thenComparing(AlertView::updatedAt).reversed().thenComparing(AlertView::alertId);

    private final StoreLocator locator;
    private final LocalReads local;
    private final PeerClient peers;
    private final Clock clock;

    public QueryService(StoreLocator locator, LocalReads local, PeerClient peers, Clock clock) {
        this.locator = locator;
        this.local = local;
        this.peers = peers;
        this.clock = clock;
    }

    public LocalReads local() {
        return local;
    }

    /** Every subject and group with its latest figures per window and its count of open alerts. */
    public SubjectsOverview subjects(String authorization) {
        List<ScopedFigures> figures = gather(QueryTopology.METRICS_LATEST_STORE, Topics.METRICS, local::metrics,
                InternalPaths.METRICS, FIGURES_LIST, authorization);
        Map<String, Long> openAlerts = alerts(Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED), authorization)
                .stream().collect(Collectors.groupingBy(alert -> alert.scope() + ":" + alert.subject(),
                        Collectors.counting()));
        Map<String, List<ScopedFigures>> byScope = new TreeMap<>();
        for (ScopedFigures entry : figures) {
            byScope.computeIfAbsent(entry.scope() + ":" + entry.subject(), key -> new ArrayList<>()).add(entry);
        }
        List<SubjectSummary> subjects = byScope.entrySet().stream()
                .map(entry -> summary(entry.getValue(), openAlerts.getOrDefault(entry.getKey(), 0L)))
                .sorted(Comparator.comparing((SubjectSummary s) -> !Scope.SUBJECT.name().equals(s.scope()))
                        .thenComparing(SubjectSummary::subject))
                .toList();
        return new SubjectsOverview(clock.instant(), subjects);
    }

    /**
     * A subject's (or group's) figures for one window as of a moment (null: the latest) with their
     * series, and for subjects the hopping CSAT window covering the moment; empty when there is
     * neither.
     */
    public Optional<SubjectCsat> csat(Scope scope, String subject, Duration window, Instant at,
                                      String authorization) {
        String key = scope.id() + ":" + subject + ":" + window;
        Placement seriesOwner = locator.placementOf(QueryTopology.METRICS_LATEST_STORE, key);
        Optional<SubjectSeries> series = seriesOwner.local() ? local.series(key, at)
                : peers.get(seriesOwner.host(), InternalPaths.series(key, at), SERIES, authorization);
        Optional<CsatFigures> csat = Optional.empty();
        if (scope == Scope.SUBJECT) {
            Instant moment = at == null ? clock.instant() : at;
            Placement csatOwner = locator.placementOf(CsatTopology.SLICE_STORE, subject);
            csat = csatOwner.local() ? local.csat(subject, moment)
                    : peers.get(csatOwner.host(), InternalPaths.csat(subject, moment), CSAT, authorization);
        }
        if (series.isEmpty() && csat.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SubjectCsat.of(subject, window.toString(), series.orElse(null), csat.orElse(null)));
    }

    /** The alerts in the given states, newest first. */
    public List<AlertView> alerts(Set<AlertStatus> statuses, String authorization) {
        return gather(QueryTopology.ALERTS_STORE, Topics.ALERTS, local::alerts, InternalPaths.ALERTS, ALERT_LIST,
                authorization).stream()
                .filter(alert -> statuses.contains(alert.status()))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    public Optional<AlertView> alert(String alertId, String authorization) {
        Placement owner = locator.placementOf(QueryTopology.ALERTS_STORE, alertId);
        return owner.local() ? local.alert(alertId)
                : peers.get(owner.host(), InternalPaths.alert(alertId), ALERT, authorization);
    }

    private <T> List<T> gather(String store, String topic, Function<Set<Integer>, List<T>> localPart,
                               String internalPath, TypeReference<List<T>> type, String authorization) {
        List<T> all = new ArrayList<>();
        for (Placement placement : locator.placementsOf(store, topic)) {
            if (placement.local()) {
                all.addAll(localPart.apply(placement.partitions()));
            } else {
                all.addAll(peers.get(placement.host(), InternalPaths.partitions(internalPath, placement.partitions()),
                        type, authorization).orElseThrow(() -> new QueryUnavailableException(
                        "the instance at " + placement.host() + " no longer has " + store)));
            }
        }
        return all;
    }

    private static SubjectSummary summary(List<ScopedFigures> windows, long openAlerts) {
        ScopedFigures first = windows.get(0);
        List<Figures> figures = windows.stream().map(ScopedFigures::figures)
                .sorted(Comparator.comparing((Figures f) -> Duration.parse(f.window())))
                .toList();
        return new SubjectSummary(first.subject(), first.scope(), figures, (int) openAlerts);
    }

    /** Parses {@code subject} or {@code group} (any case). */
    public static Optional<Scope> scope(String value) {
        for (Scope scope : Scope.values()) {
            if (scope.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
