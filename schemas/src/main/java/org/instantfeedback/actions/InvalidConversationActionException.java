package org.instantfeedback.actions;

/** A record of feedback.conversation-actions.v1 that cannot be applied; it goes to the dead-letter topic with this reason. */
public final class InvalidConversationActionException extends RuntimeException {
    public InvalidConversationActionException(String message) {
        super(message);
    }
}
