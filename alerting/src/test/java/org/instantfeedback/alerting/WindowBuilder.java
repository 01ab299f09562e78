package org.instantfeedback.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.checks.AlertFigures;
import org.instantfeedback.alerting.metrics.WindowFigures;
import org.instantfeedback.alerting.metrics.WindowMetrics;

/**
 * The figures of one window for tests: "10 negative texts from 9 people and 11 positive ones from
 * 11 others in the 15 minutes to 08:15". Every response falls inside the window.
 */
public final class WindowBuilder {
    private final Instant end;
    private Duration size = Duration.ofMinutes(15);
    private final List<FeedbackObservation> responses = new ArrayList<>();
    private BaselineReading csatBaseline = BaselineReading.NONE;
    private BaselineReading usualComplaints = BaselineReading.NONE;
    private int nextSender;

    private WindowBuilder(Instant end) {
        this.end = end;
    }

    public static WindowBuilder windowTo(Instant end) {
        return new WindowBuilder(end);
    }

    public WindowBuilder lasting(Duration size) {
        this.size = size;
        return this;
    }

    public WindowBuilder negativeTexts(int count, int people) {
        List<String> senders = newSenders(people);
        for (int i = 0; i < count; i++) {
            responses.add(Feedback.negativeText(senders.get(i % people), inside()));
        }
        return this;
    }

    public WindowBuilder positiveTexts(int count, int people) {
        List<String> senders = newSenders(people);
        for (int i = 0; i < count; i++) {
            responses.add(Feedback.positiveText(senders.get(i % people), inside()));
        }
        return this;
    }

    public WindowBuilder ratings(int stars, int count, int people) {
        List<String> senders = newSenders(people);
        for (int i = 0; i < count; i++) {
            responses.add(Feedback.stars(stars, senders.get(i % people), inside()));
        }
        return this;
    }

    public WindowBuilder csatBaseline(double usualPercent) {
        this.csatBaseline = BaselineReading.warm(usualPercent);
        return this;
    }

    public WindowBuilder usualComplaints(BaselineReading usual) {
        this.usualComplaints = usual;
        return this;
    }

    public WindowFigures windowFigures() {
        WindowMetrics metrics = WindowMetrics.empty();
        for (FeedbackObservation response : responses) {
            metrics = metrics.add(response);
        }
        return metrics.figures(end.minus(size), end);
    }

    public AlertFigures figures() {
        return new AlertFigures(windowFigures(), csatBaseline, usualComplaints);
    }

    private List<String> newSenders(int people) {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            senders.add("sender-" + nextSender++);
        }
        return senders;
    }

    // Spread over the window's last ten minutes, never on its end (exclusive).
    private Instant inside() {
        return end.minusSeconds(1 + responses.size() % 600);
    }
}
