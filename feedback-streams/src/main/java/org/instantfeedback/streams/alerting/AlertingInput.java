package org.instantfeedback.streams.alerting;

import org.instantfeedback.alerting.FeedbackObservation;
import org.instantfeedback.alerting.metrics.WindowMetrics;

/**
 * What reaches the alerting of one subject or group, on one repartition topic so that feedback
 * and ops actions for the same key meet the same task and its alert state: the feedback of one
 * minute that a commit added for a subject ({@link SliceChange}), an urgent report, or an ops
 * action on one of its alerts.
 *
 * @param observation a piece of feedback, or null; written by releases before slice changes, such
 *                    an observation is also counted, otherwise it is a report only
 * @param action      the ops action, or null
 * @param change      the feedback of one minute added by one commit, or null
 * @param reportOnly  the observation is already counted in a slice change: take it as a report only
 */
record AlertingInput(FeedbackObservation observation, OpsActionRequest action, SliceChange change,
                     boolean reportOnly) {

    /**
     * The feedback of one subject in the minute starting at {@code sliceStart} that one commit
     * added, merged: what a group learns from its subjects instead of every single response.
     */
    record SliceChange(long sliceStart, WindowMetrics added) {
    }

    static AlertingInput report(FeedbackObservation observation) {
        return new AlertingInput(observation, null, null, true);
    }

    static AlertingInput of(OpsActionRequest action) {
        return new AlertingInput(null, action, null, false);
    }

    static AlertingInput of(SliceChange change) {
        return new AlertingInput(null, null, change, false);
    }

    /** Whether this input adds feedback to a slice. */
    boolean counts() {
        return change != null || (observation != null && !reportOnly);
    }

    /** The slice with this input's feedback added; only for inputs that {@link #counts()}. */
    WindowMetrics addedTo(WindowMetrics slice) {
        return change != null ? slice.merge(change.added()) : slice.add(observation);
    }
}
