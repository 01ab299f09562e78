package org.instantfeedback.alerting.lifecycle;

/** An ops action that cannot be applied (no such open alert, already acknowledged, ...), with the reason. */
public class OpsActionRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OpsActionRejectedException(String reason) {
        super(reason);
    }
}
