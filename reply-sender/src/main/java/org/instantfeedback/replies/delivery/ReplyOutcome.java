package org.instantfeedback.replies.delivery;

import java.time.Instant;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.replies.provider.SendResult;

/** The status a reply ends with here, from what the provider call (or the lack of one) came to. */
public final class ReplyOutcome {
    static final String CONTACT_ERASED = "contact-erased";
    static final String ADDRESS_UNREADABLE = "address-unreadable";
    static final String GAVE_UP = "gave-up";

    private ReplyOutcome() {
    }

    /** What the last call came to; a {@link SendResult.NotSent} here is the last one after retries ran out. */
    public static ReplyStatus of(ReplyRequested reply, SendResult result, Instant at) {
        ReplyStatus.Builder status;
        if (result instanceof SendResult.Accepted accepted) {
            status = ReplyStatuses.of(reply, accepted.status(), at).setProviderMessageId(accepted.providerMessageId());
        } else if (result instanceof SendResult.Refused refused) {
            status = ReplyStatuses.of(reply, refused.optedOut() ? DeliveryStatus.OPTED_OUT : DeliveryStatus.FAILED, at)
                    .setErrorCode(refused.errorCode()).setErrorMessage(refused.message());
        } else if (result instanceof SendResult.Unknown unknown) {
            status = ReplyStatuses.of(reply, DeliveryStatus.OUTCOME_UNKNOWN, at).setErrorMessage(unknown.reason());
        } else {
            status = ReplyStatuses.of(reply, DeliveryStatus.FAILED, at).setErrorCode(GAVE_UP)
                    .setErrorMessage(((SendResult.NotSent) result).reason());
        }
        return status.build();
    }

    /** Not sent: the contact's keys are gone, so its number is too. */
    public static ReplyStatus contactErased(ReplyRequested reply, Instant at) {
        return ReplyStatuses.of(reply, DeliveryStatus.FAILED, at).setErrorCode(CONTACT_ERASED)
                .setErrorMessage("the contact was erased; its number can no longer be read").build();
    }

    /** Not sent: the address was altered or sealed for another contact. */
    public static ReplyStatus addressUnreadable(ReplyRequested reply, Instant at) {
        return ReplyStatuses.of(reply, DeliveryStatus.FAILED, at).setErrorCode(ADDRESS_UNREADABLE)
                .setErrorMessage("the sealed number does not open with the contact's keys").build();
    }
}
