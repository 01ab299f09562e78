package org.instantfeedback.alerting;

import java.util.Locale;

/** How bad it is. An open alert only ever rises in severity; it does not step back down until resolved. */
public enum Severity {
    WARNING,
    CRITICAL;

    public boolean isAbove(Severity other) {
        return compareTo(other) > 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
