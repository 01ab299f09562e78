package org.instantfeedback.streams.alerting;

/**
 * One of the two places where alerting runs, each with processors and stores of its own (a store
 * belongs to one sub-topology):
 * <ul>
 *   <li>{@link #SUBJECTS} in the tasks that read {@code feedback.received.v1}, which ingest keys by
 *       subject, so a subject's feedback is judged without a repartition and its alerts leave in
 *       the transaction that read the feedback; record keys are subject ids ({@code route-42});</li>
 *   <li>{@link #GROUPS} behind the repartition by group ({@value AlertingTopology#BY_SCOPE}); record
 *       keys are scope keys ({@code group:depot-north}). The names are those every scope used
 *       before subjects moved, so groups' baselines, open alerts and slices carry over an upgrade.</li>
 * </ul>
 * Inside the stores both key alike ({@link ScopeKey}), except the slice store, which the DSL keys
 * by record key ({@link #recordKey}).
 */
enum AlertingScope {
    SUBJECTS("alerting.subject.") {
        @Override
        ScopeKey scopeKey(String recordKey) {
            return ScopeKey.subject(recordKey);
        }

        @Override
        String recordKey(ScopeKey key) {
            return key.id();
        }
    },
    GROUPS("alerting.") {
        @Override
        ScopeKey scopeKey(String recordKey) {
            return ScopeKey.parse(recordKey);
        }

        @Override
        String recordKey(ScopeKey key) {
            return key.toString();
        }
    };

    private final String prefix;

    AlertingScope(String prefix) {
        this.prefix = prefix;
    }

    /** The subject or group a record of this part is about. */
    abstract ScopeKey scopeKey(String recordKey);

    /** The record key (and slice store key) of a subject or group in this part. */
    abstract String recordKey(ScopeKey key);

    /** A processor's or store's name in this part: {@code alerting.subject.slices.v1}. */
    String name(String what) {
        return prefix + what + ".v1";
    }

    /** One-minute slices of {@code WindowMetrics}: each response is counted in one slice (see {@link BucketedWindows}). */
    String sliceStore() {
        return name("slices");
    }

    /** Quarter-hour merges of the slices, so long windows merge few buckets (see {@link BucketedWindows}). */
    String quarterHourStore() {
        return name("buckets-15m");
    }

    String baselineStore() {
        return name("baselines");
    }

    String alertStateStore() {
        return name("alert-state");
    }

    /** Running time-to-acknowledge and time-to-resolve tallies per {@code <scope>:<id>:<kind>}. */
    String handlingStore() {
        return name("handling-times");
    }
}
