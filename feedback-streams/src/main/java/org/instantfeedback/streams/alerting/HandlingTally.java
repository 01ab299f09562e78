package org.instantfeedback.streams.alerting;

import org.instantfeedback.alerting.codec.CorruptStateException;
import org.instantfeedback.alerting.codec.StateInput;
import org.instantfeedback.alerting.codec.StateOutput;
import org.instantfeedback.events.FeedbackAlertResolution;
import org.instantfeedback.events.HandlingTimes;

/**
 * The running handling times of one subject's (or group's) alerts of one kind, as
 * {@link TrackHandlingTimes} keeps them: totals rather than means, so each new measurement is exact
 * and consumers can add subjects up.
 */
record HandlingTally(Durations acknowledge, Durations resolve, long resolvedByOps, long resolvedAutomatically,
                     long resolvedByRuleSwitchedOff) {
    static final HandlingTally NONE = new HandlingTally(Durations.NONE, Durations.NONE, 0, 0, 0);
    private static final byte VERSION_1 = 1;

    /** Count, sum, longest and latest of a series of durations in milliseconds. */
    record Durations(long count, long totalMillis, long maxMillis, long lastMillis) {
        static final Durations NONE = new Durations(0, 0, 0, 0);

        Durations with(long millis) {
            long measured = Math.max(0, millis);
            return new Durations(count + 1, totalMillis + measured, Math.max(maxMillis, measured), measured);
        }

        HandlingTimes toAvro() {
            return HandlingTimes.newBuilder()
                    .setCount(count)
                    .setTotalMillis(totalMillis)
                    .setMeanMillis(count == 0 ? null : Math.round((double) totalMillis / count))
                    .setMaxMillis(count == 0 ? null : maxMillis)
                    .setLastMillis(count == 0 ? null : lastMillis)
                    .build();
        }
    }

    HandlingTally acknowledged(long millis) {
        return new HandlingTally(acknowledge.with(millis), resolve, resolvedByOps, resolvedAutomatically,
                resolvedByRuleSwitchedOff);
    }

    HandlingTally resolved(long millis, FeedbackAlertResolution resolution) {
        return new HandlingTally(acknowledge, resolve.with(millis),
                resolvedByOps + (resolution == FeedbackAlertResolution.BY_OPS ? 1 : 0),
                resolvedAutomatically + (resolution == FeedbackAlertResolution.AUTOMATIC ? 1 : 0),
                resolvedByRuleSwitchedOff + (resolution == FeedbackAlertResolution.RULE_SWITCHED_OFF ? 1 : 0));
    }

    byte[] encode() {
        StateOutput out = new StateOutput(VERSION_1);
        write(out, acknowledge);
        write(out, resolve);
        out.writeLong(resolvedByOps);
        out.writeLong(resolvedAutomatically);
        out.writeLong(resolvedByRuleSwitchedOff);
        return out.toByteArray();
    }

    static HandlingTally decode(byte[] bytes) {
        StateInput in = new StateInput(bytes, VERSION_1, "alert handling times");
        HandlingTally tally = new HandlingTally(read(in), read(in), in.readLong(), in.readLong(), in.readLong());
        in.expectEnd();
        if (tally.acknowledge.count < 0 || tally.resolve.count < 0) {
            throw new CorruptStateException("corrupt alert handling times: negative count");
        }
        return tally;
    }

    private static void write(StateOutput out, Durations durations) {
        out.writeLong(durations.count);
        out.writeLong(durations.totalMillis);
        out.writeLong(durations.maxMillis);
        out.writeLong(durations.lastMillis);
    }

    private static Durations read(StateInput in) {
        return new Durations(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }
}
