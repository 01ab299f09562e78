package org.instantfeedback.streams.conversations;

import java.util.Optional;

/**
 * Conversation ids, {@code <contactId>.<n>}: the contact's pseudonym (Base64url, no dots) and the
 * conversation's number among theirs. The contact in an id is the store key, so any instance can
 * tell which one holds a conversation without looking it up.
 */
public final class ConversationIds {
    private ConversationIds() {
    }

    static String of(String contactId, int number) {
        return contactId + "." + number;
    }

    /** The contact of a well-formed id; empty for anything else. */
    public static Optional<String> contactOf(String conversationId) {
        int dot = conversationId == null ? -1 : conversationId.lastIndexOf('.');
        if (dot <= 0 || dot == conversationId.length() - 1) {
            return Optional.empty();
        }
        String number = conversationId.substring(dot + 1);
        return number.chars().allMatch(Character::isDigit) ? Optional.of(conversationId.substring(0, dot))
                : Optional.empty();
    }
}
