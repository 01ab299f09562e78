package org.instantfeedback.alerting.checks;

import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.rules.AlertRules;

/** Judges one windowed alert kind: does this window breach its rule, sit in the hysteresis band, or look healthy? */
public interface WindowCheck {
    AlertKind kind();

    /**
     * @param subject the subject or group the figures are for, named in the sentence
     * @param figures the figures of the window the kind's rule judges, with baselines
     * @param rules   the rules in force for the subject
     */
    Assessment assess(String subject, AlertFigures figures, AlertRules rules);
}
