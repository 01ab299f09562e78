package org.instantfeedback.streams.handling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.streams.conversations.HandlingFact;

/**
 * Whose handling a fact counts for, {@code <scope>:<id>}: the conversation's subject, each group
 * the subject belongs to (for a change of waiting, the groups the fact names), and the ops user it
 * is to the credit of.
 */
public record HandlingKey(String scope, String id) {
    public static final String SUBJECT = "subject";
    public static final String GROUP = "group";
    public static final String USER = "user";
    public static final List<String> SCOPES = List.of(SUBJECT, GROUP, USER);

    static List<HandlingKey> of(HandlingFact fact, SubjectHierarchy hierarchy) {
        List<HandlingKey> keys = new ArrayList<>();
        keys.add(new HandlingKey(SUBJECT, fact.subject()));
        List<String> groups = fact.groups() != null ? fact.groups() : hierarchy.groupsOf(fact.subject());
        groups.forEach(group -> keys.add(new HandlingKey(GROUP, group)));
        if (fact.user() != null) {
            keys.add(new HandlingKey(USER, fact.user()));
        }
        return keys;
    }

    /** Reads {@code user:sam}; empty for anything else. */
    public static Optional<HandlingKey> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || !SCOPES.contains(text.substring(0, colon))) {
            return Optional.empty();
        }
        return Optional.of(new HandlingKey(text.substring(0, colon), text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return scope + ":" + id;
    }
}
