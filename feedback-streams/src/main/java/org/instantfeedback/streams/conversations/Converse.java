package org.instantfeedback.streams.conversations;

import org.instantfeedback.actions.InvalidConversationActionException;
import org.instantfeedback.actions.ConversationAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.instantfeedback.alerting.ConversationWaiting;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.streams.feedback.RecordOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each contact's conversations in the store and publishes what changes: a passenger's message
 * joins or starts a conversation; ops' answers become SMS for the reply sender; closing asks the
 * follow-up question; news of a delivery lands on its message; erasure tombstones every
 * conversation and the contact's keys. An action that cannot apply (an unknown conversation) goes
 * to the dead-letter topic with the reason, so nothing ops did disappears without a trace. Every
 * change also keeps the handling figures' counts of open and overdue conversations in step
 * ({@link CountWaiting}).
 */
final class Converse extends ContextualProcessor<String, ConversationInput, String, ConversationOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(Converse.class);

    /** How often the store is searched for passengers newly overdue; an alert comes at most this late. */
    static final Duration OVERDUE_CHECK = Duration.ofSeconds(30);

    private final ConversationSettings settings;
    private final CountWaiting counts;
    private KeyValueStore<String, ContactThread> store;
    private WaitingIndex waiting;

    Converse(ConversationSettings settings, SubjectHierarchy hierarchy) {
        this.settings = settings;
        this.counts = new CountWaiting(hierarchy);
    }

    @Override
    public void init(ProcessorContext<String, ConversationOutput> context) {
        super.init(context);
        store = context.getStateStore(ConversationTopology.STORE);
        waiting = new WaitingIndex(context.getStateStore(ConversationTopology.WAITING_STORE));
        // Wall-clock time: a passenger waits in real time, also while no record comes in.
        context.schedule(OVERDUE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::findOverdue);
    }

    @Override
    public void process(Record<String, ConversationInput> record) {
        ConversationInput input = record.value();
        if (input == null) {
            return;
        }
        if (input.message() != null) {
            receive(record, input.message());
        } else if (input.action() != null) {
            try {
                act(record, ConversationAction.read(record.key(), input.action()));
            } catch (InvalidConversationActionException e) {
                reject(record, input.action(), e);
            }
        } else if (input.delivery() != null) {
            learn(record, input.delivery());
        }
    }

    private void receive(Record<String, ConversationInput> record, InboundMessage message) {
        ContactThread thread = thread(record.key()).orElseGet(() -> ContactThread.of(record.key()));
        ContactThread.Joined joined = thread.receive(message, settings.quietPeriod());
        ConversationState conversation = joined.conversation();
        joined.dropped().ifPresent(oldest -> letGo(record.timestamp(), thread, oldest));
        settle(record.timestamp(), thread, conversation);
        store.put(thread.contactId, thread);
        publish(record, thread, conversation);
        if (joined.started()) {
            measure(record, HandlingFact.opened(conversation));
        }
        joined.serviceRating().ifPresent(rating ->
                measure(record, HandlingFact.rated(conversation, rating, message.receivedAt())));
    }

    private void act(Record<String, ConversationInput> record, ConversationAction action) {
        switch (action.kind()) {
            case REPLY -> reply(record, action);
            case CLOSE -> close(record, action);
            case FORGET -> forget(record, action);
            case OPT_OUT, OPT_IN -> optOut(record, action.kind() == ConversationAction.Kind.OPT_OUT);
        }
    }

    private void reply(Record<String, ConversationInput> record, ConversationAction action) {
        ContactThread thread = existing(record.key(), action);
        ConversationState conversation = conversation(thread, action);
        if (conversation.message(action.replyId()).isPresent()) {
            return; // the same action read twice: it was applied the first time
        }
        MessageState answer = MessageState.answer(action.replyId(), action.text(), action.by(), false, action.at());
        boolean first = conversation.firstReplyAt == null;
        List<Instant> answered = conversation.answer(answer);
        send(record, thread, conversation, answer, ReplyKind.REPLY);
        settle(record.timestamp(), thread, conversation);
        store.put(thread.contactId, thread);
        publish(record, thread, conversation);
        if (first) {
            measure(record, HandlingFact.firstResponse(conversation, action.by(), action.at()));
        }
        answered.forEach(written -> measure(record, HandlingFact.response(conversation, action.by(), written,
                action.at())));
    }

    private void close(Record<String, ConversationInput> record, ConversationAction action) {
        ContactThread thread = existing(record.key(), action);
        ConversationState conversation = conversation(thread, action);
        if (conversation.closedAt != null) {
            return;
        }
        conversation.close(action.by(), action.at());
        if (settings.followUpQuestion().isPresent() && !conversation.followUpAsked && !thread.optedOut) {
            MessageState question = MessageState.answer(conversation.conversationId + ":follow-up",
                    settings.followUpQuestion().get(), null, true, action.at());
            conversation.ask(question);
            send(record, thread, conversation, question, ReplyKind.FOLLOW_UP);
        }
        settle(record.timestamp(), thread, conversation);
        store.put(thread.contactId, thread);
        publish(record, thread, conversation);
        measure(record, HandlingFact.closed(conversation, conversation.replies()));
    }

    private void forget(Record<String, ConversationInput> record, ConversationAction action) {
        Optional<ContactThread> thread = thread(record.key());
        thread.ifPresent(known -> {
            for (ConversationState conversation : known.conversations) {
                letGo(record.timestamp(), known, conversation);
            }
            for (String conversationId : known.everyConversationId()) {
                context().forward(record.withKey(conversationId)
                        .withValue(new ConversationOutput.Snapshot(conversationId, null)));
            }
            store.delete(known.contactId);
        });
        context().forward(record.withValue(new ConversationOutput.EraseKeys(record.key())));
        LOG.info("Contact {} erased ({} conversations) at the request of {}", record.key(),
                thread.map(known -> known.conversationsStarted).orElse(0), action.by() == null ? "the passenger" : action.by());
    }

    private void optOut(Record<String, ConversationInput> record, boolean optedOut) {
        ContactThread thread = thread(record.key()).orElseGet(() -> ContactThread.of(record.key()));
        thread.optedOut = optedOut;
        store.put(thread.contactId, thread);
        thread.conversations.forEach(conversation -> publish(record, thread, conversation));
    }

    private void learn(Record<String, ConversationInput> record, DeliveryUpdate update) {
        Optional<ContactThread> thread = thread(record.key());
        Optional<MessageState> message = thread.flatMap(known -> known.conversation(update.conversationId()))
                .flatMap(conversation -> conversation.message(update.replyId()));
        if (message.isEmpty()) {
            // An erased contact, or a conversation that left the store: there is nothing left to show it on.
            LOG.info("Delivery status {} of reply {} has no conversation here; not kept", update.status(),
                    update.replyId());
            return;
        }
        ContactThread known = thread.get();
        boolean changed = message.get().learn(update);
        if (update.saysOptedOut()) {
            changed |= !known.optedOut;
            known.optedOut = true;
        }
        if (changed) {
            store.put(known.contactId, known);
            publish(record, known, known.conversation(update.conversationId()).orElseThrow());
        }
    }

    /** Asks the reply sender to send an answer, or records that it is not sent because the passenger opted out. */
    private void send(Record<String, ConversationInput> record, ContactThread thread, ConversationState conversation,
                      MessageState answer, ReplyKind kind) {
        Optional<StoredAddress> address = thread.addressFor(conversation);
        if (thread.optedOut || address.isEmpty()) {
            answer.delivery = thread.optedOut ? DeliveryStatus.OPTED_OUT : DeliveryStatus.FAILED;
            answer.deliveryError = thread.optedOut ? "the passenger opted out (STOP)" : "no address to answer";
            return;
        }
        ReplyRequested reply = ReplyRequested.newBuilder().setReplyId(answer.messageId)
                .setConversationId(conversation.conversationId).setTo(address.get().toAvro()).setText(answer.text)
                .setKind(kind).setBy(answer.by).setRequestedAt(answer.at).build();
        context().forward(record.withValue(new ConversationOutput.Reply(reply)));
    }

    private void publish(Record<String, ConversationInput> record, ContactThread thread,
                         ConversationState conversation) {
        Instant updatedAt = Instant.ofEpochMilli(record.timestamp());
        context().forward(record.withKey(conversation.conversationId).withValue(new ConversationOutput.Snapshot(
                conversation.conversationId, conversation.toAvro(thread.contactId, thread.optedOut, updatedAt))));
    }

    /**
     * Keeps the waiting index and the open and overdue counts in step with a changed conversation,
     * and tells the unanswered alert when a passenger it was told about no longer waits.
     */
    private void settle(long timestamp, ContactThread thread, ConversationState conversation) {
        if (conversation.waitingSince == null && conversation.overdueSignalled) {
            conversation.overdueSignalled = false;
            forwardWaiting(new ConversationWaiting(conversation.subject, conversation.conversationId, false, null,
                    null, null, Instant.ofEpochMilli(timestamp)), timestamp);
        }
        waiting.update(thread.contactId, conversation);
        counts.settle(conversation, Instant.ofEpochMilli(timestamp)).forEach(this::forwardFact);
    }

    /** A conversation leaves the store (erasure, or no room left): nobody waits on it any more. */
    private void letGo(long timestamp, ContactThread thread, ConversationState conversation) {
        conversation.waitingSince = null;
        settle(timestamp, thread, conversation);
    }

    /** Tells the unanswered alert of every passenger who has now waited past the limit. */
    private void findOverdue(long now) {
        Instant at = Instant.ofEpochMilli(now);
        for (WaitingIndex.Entry entry : waiting.writtenBy(at.minus(settings.answerWithin()))) {
            ContactThread thread = store.get(entry.contactId());
            Optional<ConversationState> found = thread == null ? Optional.empty()
                    : thread.conversation(entry.conversationId());
            if (found.isEmpty() || found.get().waitingSince == null || found.get().overdueSignalled) {
                waiting.drop(entry); // answered, erased or no longer kept since it was indexed
                continue;
            }
            ConversationState conversation = found.get();
            conversation.overdueSignalled = true;
            settle(now, thread, conversation);
            store.put(thread.contactId, thread);
            Optional<MessageState> oldest = conversation.oldestUnanswered();
            forwardWaiting(new ConversationWaiting(conversation.subject, conversation.conversationId, true,
                    conversation.waitingSince, oldest.map(message -> message.text).orElse(null),
                    oldest.map(message -> message.messageId).orElse(null), at), now);
        }
    }

    private void forwardWaiting(ConversationWaiting signal, long timestamp) {
        context().forward(new Record<String, ConversationOutput>(signal.subject(),
                new ConversationOutput.Waiting(signal), timestamp));
    }

    /** A measured fact, timed when it happened, so it counts in the windows of that moment. */
    private void measure(Record<String, ConversationInput> record, HandlingFact fact) {
        context().forward(record.withKey(fact.subject()).withValue((ConversationOutput) new ConversationOutput.Fact(fact))
                .withTimestamp(fact.at().toEpochMilli()));
    }

    /** A fact that is not the answer to one record (the overdue check makes them too), timed when it happened. */
    private void forwardFact(HandlingFact fact) {
        context().forward(new Record<String, ConversationOutput>(fact.subject(), new ConversationOutput.Fact(fact),
                fact.at().toEpochMilli()));
    }

    private void reject(Record<String, ConversationInput> record, String json, InvalidConversationActionException e) {
        Headers original = record.headers() == null ? new RecordHeaders() : record.headers();
        context().forward(record.withValue((ConversationOutput) new ConversationOutput.Rejected(record.key(), json))
                .withHeaders(DeadLetterHeaders.describing(original, e, RecordOrigin.of(context()))));
    }

    private Optional<ContactThread> thread(String contactId) {
        return Optional.ofNullable(store.get(contactId));
    }

    private ContactThread existing(String contactId, ConversationAction action) {
        return thread(contactId).orElseThrow(() -> new InvalidConversationActionException(
                "there is no conversation " + action.conversationId() + " (the contact is unknown or erased)"));
    }

    private static ConversationState conversation(ContactThread thread, ConversationAction action) {
        return thread.conversation(action.conversationId()).orElseThrow(() -> new InvalidConversationActionException(
                "there is no conversation " + action.conversationId() + " (unknown, or no longer kept)"));
    }
}
