package org.instantfeedback.alerting.baseline;

import org.instantfeedback.alerting.codec.CorruptStateException;
import org.instantfeedback.alerting.codec.StateInput;
import org.instantfeedback.alerting.codec.StateOutput;

/** {@link SubjectBaseline} as bytes for a key-value store: a version byte and its fields in order. */
public final class SubjectBaselineCodec {
    private static final byte VERSION_1 = 1;

    private SubjectBaselineCodec() {
    }

    public static byte[] encode(SubjectBaseline baseline) {
        StateOutput out = new StateOutput(VERSION_1);
        out.writeLong(baseline.csatPeriod());
        out.writeLong(baseline.csatRated());
        out.writeLong(baseline.csatSatisfied());
        writeEwma(out, baseline.csat());
        out.writeLong(baseline.complaintPeriod());
        out.writeLong(baseline.complaints());
        writeEwma(out, baseline.complaintRate());
        return out.toByteArray();
    }

    public static SubjectBaseline decode(byte[] bytes) {
        StateInput in = new StateInput(bytes, VERSION_1, "subject baseline");
        try {
            SubjectBaseline baseline = new SubjectBaseline(in.readLong(), in.readLong(), in.readLong(), readEwma(in),
                    in.readLong(), in.readLong(), readEwma(in));
            in.expectEnd();
            return baseline;
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("corrupt subject baseline: " + e.getMessage(), e);
        }
    }

    private static void writeEwma(StateOutput out, Ewma ewma) {
        out.writeDouble(ewma.value());
        out.writeLong(ewma.samples());
    }

    private static Ewma readEwma(StateInput in) {
        return new Ewma(in.readDouble(), in.readLong());
    }
}
