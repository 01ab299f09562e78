package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import org.instantfeedback.ingest.config.TwilioSettings;
import org.instantfeedback.ingest.config.VoiceSettings;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.kafka.PublishFailedException;
import org.instantfeedback.ingest.kafka.PublishUnavailableException;
import org.instantfeedback.ingest.ratelimit.RateLimitExceededException;
import org.instantfeedback.ingest.voice.CallInterpreter;
import org.instantfeedback.ingest.voice.PressedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touch-tone ratings over Twilio Voice. {@code POST /v1/voice/twilio} is the number's "A call comes
 * in" webhook: it asks the caller for a key from 1 to 5. Twilio posts the key to
 * {@code POST /v1/voice/twilio/rating}, which stores it as a 5-star rating (channel VOICE, event id
 * {@code twilio-call:<CallSid>}, so a retried webhook counts once), thanks the caller and hangs up.
 * Any other key asks once more ({@code ?attempt=2} in the action URL, covered by the signature); a
 * second wrong key ends the call with nothing stored. Both requests must carry a valid
 * {@code X-Twilio-Signature} over their public URL, as for SMS; the channel is on with the Twilio
 * auth token.
 *
 * <p>Unlike the other channels, a rating that cannot be stored is not refused with a problem: a
 * caller cannot send a call again, and Twilio would only play its own error message. The caller
 * hears that the rating was not recorded, the reason is logged, and the rating is lost; this
 * includes Kafka being unavailable.
 */
public final class TwilioVoiceController {
    public static final String CALL_PATH = "/v1/voice/twilio";
    public static final String RATING_PATH = "/v1/voice/twilio/rating";
    private static final String CHANNEL = "Twilio Voice";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceController.class);

    private final TwilioWebhook webhook;
    private final VoiceTwiml twiml;
    private final CallInterpreter calls;
    private final FeedbackIntake intake;

    public TwilioVoiceController(TwilioSettings twilio, VoiceSettings voice, int maxBodyBytes, CallInterpreter calls,
            FeedbackIntake intake) {
        PublicUrls urls = new PublicUrls(twilio.publicBaseUrl());
        this.webhook = new TwilioWebhook(twilio.authToken(), urls, maxBodyBytes);
        this.twiml = new VoiceTwiml(voice, urls, RATING_PATH);
        this.calls = calls;
        this.intake = intake;
    }

    /** An incoming call: the question. */
    public void answer(Context ctx) {
        webhook.verified(ctx, CHANNEL);
        Twiml.answer(ctx, twiml.question(ctx.url()));
    }

    /** The key the caller pressed. */
    public void rate(Context ctx) {
        FormParameters form = webhook.verified(ctx, CHANNEL);
        PressedKey key = new PressedKey(form.first("CallSid").orElse(null), form.first("From").orElse(null),
                form.first("To").orElse(null), form.first(CallInterpreter.DIGITS).orElse(""));
        if (key.stars().isPresent()) {
            Twiml.answer(ctx, store(key));
            return;
        }
        String attempt = ctx.queryParam(VoiceTwiml.ATTEMPT);
        if (VoiceTwiml.lastAttempt(attempt)) {
            LOG.info("{}: a second key that is no rating; hung up with nothing stored", key);
        }
        Twiml.answer(ctx, twiml.afterKeyThatIsNoRating(attempt, ctx.url()));
    }

    /** What the caller hears once the rating is stored, or could not be; every failure is logged here. */
    private String store(PressedKey key) {
        try {
            intake.accept(calls.submission(key));
            return twiml.thanksAndGoodbye();
        } catch (InvalidFeedbackException e) {
            // The field errors name fields and rules, never the caller's number.
            LOG.warn("{}: rating not stored, the caller was told so: {}", key, e.getMessage());
        } catch (RateLimitExceededException e) {
            LOG.warn("{}: rating not stored, the caller was told so: {}", key, e.getMessage());
        } catch (PublishUnavailableException e) {
            LOG.warn("{}: rating lost, Kafka could not take it and the caller was told so: {}", key, e.getMessage());
        } catch (PublishFailedException e) {
            LOG.error("{}: rating lost, Kafka refused it for good and the caller was told so", key, e);
        }
        return twiml.notStoredAndGoodbye();
    }
}
