package org.instantfeedback.ingest.sms;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.instantfeedback.actions.ConversationAction;
import org.instantfeedback.actions.ConversationAction.Kind;
import org.instantfeedback.ingest.config.ContactRequestSettings;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a passenger asks for with an SMS that is a keyword and nothing else: an opt-out (Twilio's
 * standard opt-out words), an opt-in (Twilio's opt-in words) or an erasure (the operator's forget
 * phrases). Such an SMS is a request, not feedback: it is recorded as a {@link ConversationAction} of
 * the sender's pseudonym, and an erasure also destroys the sender's key at once, rather than only once
 * feedback-streams has applied the action. A message that merely contains a keyword ("please stop
 * the bus") is feedback, as Twilio and the carriers also match the whole message only.
 */
public final class ContactRequests {
    /**
     * Twilio's default English opt-out words (Advanced Opt-Out, long codes and messaging services), which
     * Twilio itself acts on: after one of them it delivers nothing more from the number to the sender.
     */
    static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
    /**
     * Twilio's default opt-in words, which lift its block of the sender, but for YES: ops ask
     * passengers questions, and a bare "yes" is their answer, which belongs in the conversation.
     */
    static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Logger LOG = LoggerFactory.getLogger(ContactRequests.class);

    private final Set<String> forgetPhrases;
    private final String forgetReply;
    private final String optInReply;
    private final SenderPseudonyms pseudonyms;
    private final Consumer<ConversationAction> actions;
    private final Consumer<String> keys;
    private final Clock clock;

    /**
     * @param actions writes an action and returns once Kafka has it (else throws, and the request fails)
     * @param keys    destroys a contact's key; does nothing when numbers are not sealed ({@code CONTACT_KEK} unset)
     */
    public ContactRequests(ContactRequestSettings settings, SenderPseudonyms pseudonyms,
            Consumer<ConversationAction> actions, Consumer<String> keys, Clock clock) {
        this.forgetPhrases = Set.copyOf(settings.forgetPhrases());
        this.forgetReply = settings.forgetReply();
        this.optInReply = settings.optInReply();
        this.pseudonyms = pseudonyms;
        this.actions = actions;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The request that {@code text} is, if it is one: trimmed, in any case, runs of spaces read as one;
     * nothing else may be in the message.
     */
    public Optional<Kind> requested(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String words = SPACES.matcher(text.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(words)) {
            return Optional.of(Kind.OPT_OUT);
        }
        if (OPT_IN_WORDS.contains(words)) {
            return Optional.of(Kind.OPT_IN);
        }
        return forgetPhrases.contains(words) ? Optional.of(Kind.FORGET) : Optional.empty();
    }

    /**
     * Carries out the request {@code sms} is, if it is one from a known sender, and says which it was;
     * empty when the SMS is feedback (or cannot be read, which the feedback path reports).
     *
     * @throws org.instantfeedback.ingest.kafka.PublishUnavailableException when Kafka does not take the action
     * @throws org.instantfeedback.contacts.ContactKeysUnavailableException when the key's erasure cannot be written
     */
    public Optional<Kind> carryOut(InboundSms sms) {
        if (sms.from() == null || sms.from().isBlank() || !sms.readErrors().isEmpty()) {
            return Optional.empty();
        }
        Optional<Kind> request = requested(sms.text());
        request.ifPresent(kind -> {
            String contactId = pseudonyms.pseudonymOf(sms.from());
            actions.accept(action(kind, contactId));
            if (kind == Kind.FORGET) {
                // After the action is stored, so that a failure here is retried by the provider and the
                // action written again, which feedback-streams applies as often as it comes.
                keys.accept(contactId);
            }
            LOG.info("SMS {} was a request to {}; not stored as feedback", sms.eventId(), kind.wireName());
        });
        return request;
    }

    /** The SMS that confirms {@code kind} through TwiML; empty for none. */
    public String confirmation(Kind kind) {
        return switch (kind) {
            // Twilio answers its opt-out words itself with its standard confirmation, and delivers nothing
            // more from the number to the sender afterwards, a TwiML reply included.
            case OPT_OUT -> "";
            case OPT_IN -> optInReply;
            case FORGET -> forgetReply;
            default -> throw new IllegalArgumentException(kind + " is no passenger's request");
        };
    }

    private ConversationAction action(Kind kind, String contactId) {
        return switch (kind) {
            case OPT_OUT -> ConversationAction.optOut(contactId, clock.instant());
            case OPT_IN -> ConversationAction.optIn(contactId, clock.instant());
            case FORGET -> ConversationAction.forget(contactId, ConversationAction.PASSENGER, clock.instant());
            default -> throw new IllegalArgumentException(kind + " is no passenger's request");
        };
    }
}
