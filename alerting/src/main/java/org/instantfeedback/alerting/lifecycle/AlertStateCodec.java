package org.instantfeedback.alerting.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.AlertWindow;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.codec.CorruptStateException;
import org.instantfeedback.alerting.codec.StateInput;
import org.instantfeedback.alerting.codec.StateOutput;
import org.instantfeedback.alerting.metrics.WindowMetrics;

/**
 * {@link AlertState} as bytes for a key-value store and its changelog: a version byte, then the
 * fields in order. Enums are written by name, so reordering their constants cannot change what
 * stored bytes mean.
 *
 * <p>Version 2 adds the event ids of an open alert's examples after the examples; version 1
 * (written before) is still read, as an alert whose examples have no event ids.
 */
public final class AlertStateCodec {
    private static final byte VERSION_1 = 1;
    private static final byte VERSION_2 = 2;
    private static final int MAX_REPORTERS = 1_000;

    private AlertStateCodec() {
    }

    public static byte[] encode(AlertState state) {
        StateOutput out = new StateOutput(VERSION_2);
        out.writeString(state.scope().name());
        out.writeString(state.subject());
        out.writeString(state.kind().id());
        out.writeLong(state.alertsOpened());
        out.writeNullableInstant(state.rearmAt());
        writeHashes(out, state.mutedReporters());
        out.writeBoolean(state.isOpen());
        if (state.isOpen()) {
            writeAlert(out, state.open());
        }
        return out.toByteArray();
    }

    public static AlertState decode(byte[] bytes) {
        StateInput in = new StateInput(bytes, VERSION_1, VERSION_2, "alert state");
        try {
            Scope scope = Scope.valueOf(in.readString());
            String subject = in.readString();
            String kindId = in.readString();
            AlertKind kind = AlertKind.fromId(kindId)
                    .orElseThrow(() -> new CorruptStateException("unknown alert kind '" + kindId + "'"));
            AlertState state = new AlertState(scope, subject, kind, in.readLong(), null, in.readNullableInstant(),
                    readHashes(in));
            if (in.readBoolean()) {
                state = state.withOpen(readAlert(in));
            }
            in.expectEnd();
            return state;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorruptStateException("corrupt alert state: " + e.getMessage(), e);
        }
    }

    private static void writeAlert(StateOutput out, OpenAlert alert) {
        out.writeString(alert.alertId());
        out.writeString(alert.severity().name());
        out.writeInstant(alert.openedAt());
        out.writeNullableInstant(alert.escalatedAt());
        out.writeInstant(alert.lastBreachAt());
        out.writeNullableInstant(alert.healthySince());
        out.writeNullableInstant(alert.acknowledgedAt());
        out.writeNullableString(alert.acknowledgedBy());
        out.writeInt(alert.eventCount());
        out.writeBoolean(alert.window() != null);
        if (alert.window() != null) {
            out.writeInstant(alert.window().start());
            out.writeInstant(alert.window().end());
        }
        writeFigures(out, alert.figures());
        writeStrings(out, alert.examples());
        writeStrings(out, alert.exampleEventIds());
        writeHashes(out, alert.reporters());
    }

    private static OpenAlert readAlert(StateInput in) {
        String id = in.readString();
        Severity severity = Severity.valueOf(in.readString());
        return new OpenAlert(id, severity, in.readInstant(), in.readNullableInstant(), in.readInstant(),
                in.readNullableInstant(), in.readNullableInstant(), in.readNullableString(), in.readInt(),
                in.readBoolean() ? new AlertWindow(in.readInstant(), in.readInstant()) : null, readFigures(in),
                readStrings(in), in.version() >= VERSION_2 ? readStrings(in) : List.of(), readHashes(in));
    }

    private static void writeFigures(StateOutput out, KeyFigures f) {
        out.writeLong(f.responses());
        out.writeLong(f.ratedResponses());
        out.writeNullableDouble(f.csatPercent());
        out.writeNullableDouble(f.averageRating());
        out.writeNullableDouble(f.nps());
        out.writeLong(f.scoredTexts());
        out.writeLong(f.negativeTexts());
        out.writeNullableDouble(f.negativeSharePercent());
        out.writeLong(f.urgentReports());
        out.writeLong(f.complaints());
        out.writeLong(f.distinctSenders());
        out.writeLong(f.complainants());
        out.writeBoolean(f.sendersApproximate());
        out.writeNullableDouble(f.baselineCsatPercent());
        out.writeNullableDouble(f.usualComplaints());
    }

    private static KeyFigures readFigures(StateInput in) {
        return new KeyFigures(in.readLong(), in.readLong(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableDouble(), in.readLong(), in.readLong(), in.readNullableDouble(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readBoolean(), in.readNullableDouble(),
                in.readNullableDouble());
    }

    private static void writeStrings(StateOutput out, List<String> strings) {
        out.writeInt(strings.size());
        strings.forEach(out::writeString);
    }

    /** Examples or their event ids: at most {@value WindowMetrics#EXAMPLE_LIMIT} of them. */
    private static List<String> readStrings(StateInput in) {
        List<String> strings = new ArrayList<>();
        for (int i = in.readCount(WindowMetrics.EXAMPLE_LIMIT); i > 0; i--) {
            strings.add(in.readString());
        }
        return strings;
    }

    private static void writeHashes(StateOutput out, List<Long> hashes) {
        out.writeInt(hashes.size());
        hashes.forEach(out::writeLong);
    }

    private static List<Long> readHashes(StateInput in) {
        List<Long> hashes = new ArrayList<>();
        for (int i = in.readCount(MAX_REPORTERS); i > 0; i--) {
            hashes.add(in.readLong());
        }
        return hashes;
    }
}
