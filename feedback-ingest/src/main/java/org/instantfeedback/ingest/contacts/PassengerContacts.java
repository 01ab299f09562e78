package org.instantfeedback.ingest.contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.ingest.privacy.ReplyAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the edge keeps of the passengers ops can answer, when the operator's key ({@code CONTACT_KEK})
 * is set: the keyring that seals their numbers (and erases them, also once they have been silent
 * past their retention), and the follow-up questions still waiting for an answer. Without the key
 * there is none of it: SMS carry no reply address.
 */
public final class PassengerContacts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassengerContacts.class);
    private static final Duration EXPIRY_ROUND = Duration.ofHours(1);

    private final Optional<ContactKeyring> keyring;
    private final PendingFollowUps followUps;
    private final Clock clock;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "contact-expiry");
        thread.setDaemon(true);
        return thread;
    });

    private PassengerContacts(Optional<ContactKeyring> keyring, PendingFollowUps followUps, Clock clock) {
        this.keyring = keyring;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** Builds the keyring and the follow-up reader when the key is set; connects to nothing yet. */
    public static PassengerContacts create(ContactSettings settings, Duration followUpAnswerWithin, Clock clock) {
        if (!settings.enabled()) {
            return new PassengerContacts(Optional.empty(), PendingFollowUps.none(), clock);
        }
        ContactKeyring keyring = ContactKeyring.create(settings);
        try {
            return new PassengerContacts(Optional.of(keyring),
                    PendingFollowUps.reading(settings, followUpAnswerWithin, clock), clock);
        } catch (RuntimeException e) {
            keyring.close();
            throw e;
        }
    }

    /**
     * Starts reading the keys and the conversations in the background. Until the keys are read an SMS
     * is answered 503 (not stored), which the provider retries, rather than holding the start-up back.
     */
    public void start() {
        keyring.ifPresent(keys -> {
            keys.start();
            followUps.start();
            expiry.scheduleWithFixedDelay(() -> expire(keys), 1, EXPIRY_ROUND.toMinutes(), TimeUnit.MINUTES);
        });
    }

    public ReplyAddresses replyAddresses() {
        return keyring.map(keys -> ReplyAddresses.sealedWith(keys, clock)).orElseGet(ReplyAddresses::none);
    }

    public PendingFollowUps followUps() {
        return followUps;
    }

    /** Destroys the passenger's keys at once, so no copy of their number opens any more. */
    public void forget(String contactId) {
        keyring.ifPresent(keys -> keys.forget(contactId));
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        followUps.close();
        keyring.ifPresent(ContactKeyring::close);
    }

    /** Erases the contacts silent for longer than {@code CONTACT_RETENTION}; a failure waits for the next round. */
    private void expire(ContactKeyring keys) {
        try {
            int erased = keys.expire(clock.instant());
            if (erased > 0) {
                LOG.info("Erased {} contacts silent for longer than their retention", erased);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not erase expired contacts this round: {}", e.getMessage());
        }
    }
}
