package org.instantfeedback.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.KeyFigures;
import org.instantfeedback.alerting.Resolution;
import org.instantfeedback.alerting.Severity;
import org.instantfeedback.alerting.Wording;
import org.instantfeedback.alerting.metrics.SenderHash;

/**
 * The lifecycle of unanswered-conversation alerts. The first passenger of a subject who waits past
 * the answer limit opens a warning; each further one joins it with an UPDATED event; the alert
 * resolves itself once every one of them has been answered (or their conversation closed). The
 * waiting conversations are kept as the alert's "reporters" (hashes of their ids), as urgent
 * reports keep their reporters, so ops resolving the alert by hand mutes those same conversations.
 */
final class UnansweredAlerts {
    private final Wording wording;

    UnansweredAlerts(Wording wording) {
        this.wording = wording;
    }

    AlertEvaluation waiting(AlertState state, ConversationWaiting waiting, Instant at) {
        long conversation = SenderHash.of(waiting.conversationId());
        if (!waiting.overdue()) {
            return answered(state, conversation, at);
        }
        if (!state.isOpen()) {
            boolean muted = state.rearming(at) && state.mutedReporters().contains(conversation);
            return muted ? AlertEvaluation.of(state) : open(state, waiting, conversation, at);
        }
        OpenAlert alert = state.open();
        if (alert.reporters().contains(conversation)) {
            return AlertEvaluation.of(state);
        }
        List<Long> conversations = new ArrayList<>(alert.reporters());
        conversations.add(conversation);
        OpenAlert updated = alert.reported(at, conversations, KeyFigures.ofWaitingPassengers(conversations.size()),
                withExample(alert.examplesWithIds(), waiting)).counted();
        AlertState next = state.withOpen(updated);
        String reason = Wording.people(conversations.size(), true) + " on " + state.subject()
                + " are waiting longer than they should for an answer; the latest wrote at "
                + wording.clock(waiting.waitingSince()) + " (conversation " + waiting.conversationId() + ").";
        return AlertEvaluation.of(next, AlertEvents.of(next, updated, AlertEventType.UPDATED, reason, at, null));
    }

    private AlertEvaluation answered(AlertState state, long conversation, Instant at) {
        OpenAlert alert = state.open();
        if (alert == null || !alert.reporters().contains(conversation)) {
            return AlertEvaluation.of(state);
        }
        List<Long> stillWaiting = new ArrayList<>(alert.reporters());
        stillWaiting.remove(conversation);
        if (!stillWaiting.isEmpty()) {
            return AlertEvaluation.of(state.withOpen(alert.reported(alert.lastBreachAt(), stillWaiting,
                    KeyFigures.ofWaitingPassengers(stillWaiting.size()), alert.examplesWithIds())));
        }
        OpenAlert resolved = alert.counted();
        String reason = "Every passenger on " + state.subject() + " who waited too long has been answered; the last"
                + " at " + wording.clock(at) + ".";
        AlertState next = state.closed(null, List.of());
        return AlertEvaluation.of(next,
                AlertEvents.of(next, resolved, AlertEventType.RESOLVED, reason, at, Resolution.AUTOMATIC));
    }

    private AlertEvaluation open(AlertState state, ConversationWaiting waiting, long conversation, Instant at) {
        long sequence = state.alertsOpened() + 1;
        String id = AlertIds.of(state.scope(), state.subject(), state.kind(), sequence, at);
        OpenAlert alert = OpenAlert.opened(id, Severity.WARNING, at, null, KeyFigures.ofWaitingPassengers(1),
                withExample(AlertExamples.NONE, waiting), List.of(conversation));
        AlertState next = state.opened(alert);
        String reason = "A passenger on " + state.subject() + " has waited "
                + Wording.duration(Duration.between(waiting.waitingSince(), at)) + " for an answer, since "
                + wording.clock(waiting.waitingSince()) + " (conversation " + waiting.conversationId() + ").";
        return AlertEvaluation.of(next, AlertEvents.of(next, alert, AlertEventType.OPENED, reason, at, null));
    }

    /**
     * The waiting passenger's message, naming the conversation, with the message's id, so ops can go
     * from the alert to it.
     */
    private static AlertExamples withExample(AlertExamples examples, ConversationWaiting waiting) {
        if (waiting.text() == null || waiting.text().isBlank()) {
            return examples;
        }
        return examples.withNewest(waiting.text() + " (conversation " + waiting.conversationId() + ")",
                waiting.messageId());
    }
}
