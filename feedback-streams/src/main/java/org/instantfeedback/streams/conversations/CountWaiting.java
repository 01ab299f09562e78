package org.instantfeedback.streams.conversations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.streams.conversations.HandlingFact.Kind;

/**
 * Keeps the handling figures' counts of open and overdue conversations in step with one
 * conversation: compares what they were last told of it ({@link ConversationState#countedAs}) with
 * what it now is, and gives the +1 and -1 facts that close the gap. Every change of a conversation
 * goes through here, so each start of waiting is matched by exactly one end, whatever ended it (an
 * answer, closing, erasure, the conversation leaving the store), and overdue always ends with waiting.
 */
final class CountWaiting {
    private final SubjectHierarchy hierarchy;

    CountWaiting(SubjectHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The facts that bring the counts to the conversation as it now is; records the new count on it. */
    List<HandlingFact> settle(ConversationState conversation, Instant at) {
        CountedAs before = conversation.countedAs;
        CountedAs now = conversation.waitingSince == null ? null
                : new CountedAs(conversation.lastAnsweredBy().orElse(null), hierarchy.groupsOf(conversation.subject),
                conversation.overdueSignalled);
        List<HandlingFact> facts = new ArrayList<>(4);
        if (before != null && (now == null || !before.samePlaceAs(now))) {
            // It leaves the counts it was in as a whole: overdue ends with waiting.
            if (before.overdue()) {
                facts.add(HandlingFact.waiting(Kind.OVERDUE_ENDED, conversation, before, at));
            }
            facts.add(HandlingFact.waiting(Kind.WAITING_ENDED, conversation, before, at));
            before = null;
        }
        if (now != null) {
            if (before == null) {
                facts.add(HandlingFact.waiting(Kind.WAITING_STARTED, conversation, now, at));
            }
            boolean wasOverdue = before != null && before.overdue();
            if (now.overdue() && !wasOverdue) {
                facts.add(HandlingFact.waiting(Kind.OVERDUE_STARTED, conversation, now, at));
            } else if (!now.overdue() && wasOverdue) {
                facts.add(HandlingFact.waiting(Kind.OVERDUE_ENDED, conversation, before, at));
            }
        }
        conversation.countedAs = now;
        return facts;
    }
}
