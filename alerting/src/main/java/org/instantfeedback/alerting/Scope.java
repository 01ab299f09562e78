package org.instantfeedback.alerting;

import java.util.Locale;

/** Whether an alert is about one subject (a route, a branch) or a group of them (a depot, a region, a brand). */
public enum Scope {
    SUBJECT,
    GROUP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
