package org.instantfeedback.ingest.feedback;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.Rating;
import org.instantfeedback.ingest.privacy.PersonalDataMask;
import org.instantfeedback.service.problem.FieldError;

/**
 * The rules every piece of feedback must follow, whatever channel it came through, and the
 * mapping of valid feedback to the {@code FeedbackReceived} event. Checks every rule and reports
 * all that are broken, so a sender fixes everything in one go. Pure logic: the caller supplies
 * the current time, nothing is read or written here.
 *
 * <ul>
 *   <li>{@code subject}: required; trimmed and NFC-normalised; 1 to {@value #SUBJECT_MAX_LENGTH}
 *       characters; letters, digits, spaces and {@code - _ . : #} only; no phone-number-like run of
 *       {@value #SUBJECT_PHONE_DIGITS} or more digits (the subject is the Kafka key, which is never
 *       masked; route and vehicle numbers are shorter). Case is kept.</li>
 *   <li>{@code rating}: a whole number within its {@code scale} (default {@code stars-5}).</li>
 *   <li>{@code subject}, when the operator restricts subjects: on the {@link SubjectAllowlist}.</li>
 *   <li>{@code comment}: trimmed; blank counts as absent; at most {@value #COMMENT_MAX_LENGTH}
 *       characters (Unicode code points), {@value #SMS_TEXT_MAX_LENGTH} for SMS (the longest
 *       concatenated SMS Twilio delivers); no unpaired surrogates. Phone numbers and e-mail
 *       addresses in it are masked ({@link PersonalDataMask}).</li>
 *   <li>at least one of {@code rating} and {@code comment}.</li>
 *   <li>{@code occurredAt}: ISO-8601 date-time with offset, default now; at most
 *       {@link #FUTURE_TOLERANCE} ahead of now, to allow for clocks of senders running fast, and not
 *       before 1970-01-01T00:00:00Z.</li>
 *   <li>{@code Idempotency-Key}: 1 to {@value #IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters;
 *       becomes the event id. Without one the event gets a random UUID.</li>
 * </ul>
 */
public final class FeedbackValidator {
    public static final int SUBJECT_MAX_LENGTH = 64;
    public static final int COMMENT_MAX_LENGTH = 1000;
    private static final int SMS_TEXT_MAX_LENGTH = 1600;
    /** Digits in a row (spaces and hyphens allowed between) from which a subject looks like a phone number. */
    public static final int SUBJECT_PHONE_DIGITS = 9;
    private static final int IDEMPOTENCY_KEY_MAX_LENGTH = 128;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    public static final String SUBJECT = "subject";
    public static final String RATING = "rating";
    public static final String SCALE = "scale";
    public static final String COMMENT = "comment";
    public static final String OCCURRED_AT = "occurredAt";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Errors are reported in this order (unknown fields last), whatever order they were found in. */
    private static final List<String> FIELD_ORDER =
            List.of(SUBJECT, RATING, SCALE, COMMENT, OCCURRED_AT, IDEMPOTENCY_KEY);

    private static final Pattern SUBJECT_CHARACTERS = Pattern.compile("[\\p{L}\\p{N} _.:#-]+");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private final Supplier<String> newEventId;
    private final SubjectAllowlist allowlist;

    /** A validator that gives feedback without an idempotency key a random UUID and allows any subject. */
    public FeedbackValidator() {
        this(() -> UUID.randomUUID().toString());
    }

    public FeedbackValidator(Supplier<String> newEventId) {
        this(newEventId, SubjectAllowlist.ANY);
    }

    public FeedbackValidator(Supplier<String> newEventId, SubjectAllowlist allowlist) {
        this.newEventId = newEventId;
        this.allowlist = allowlist;
    }

    /** A validator with random event ids and the given allow-list. */
    public static FeedbackValidator withAllowlist(SubjectAllowlist allowlist) {
        return new FeedbackValidator(() -> UUID.randomUUID().toString(), allowlist);
    }

    /** The subject as feedback would carry it, if {@code raw} is one feedback may be about. */
    public Optional<String> acceptedSubject(String raw) {
        List<FieldError> errors = new ArrayList<>();
        return raw == null ? Optional.empty() : subject(raw, errors);
    }

    /**
     * The event for a valid submission received at {@code now}.
     *
     * @throws InvalidFeedbackException naming every field that breaks a rule
     */
    public FeedbackReceived validate(FeedbackSubmission submission, Instant now) {
        List<FieldError> errors = new ArrayList<>(submission.readErrors());
        Optional<String> subject = subject(submission.subject(), errors);
        Optional<Rating> rating = rating(submission, errors);
        Optional<String> comment = comment(submission.comment(), commentLimit(submission.channel()), errors);
        Instant occurredAt = occurredAt(submission.occurredAt(), now, errors);
        Optional<String> eventId = eventId(submission.idempotencyKey(), errors);
        if (rating.isEmpty() && comment.isEmpty() && !hasErrorFor(errors, RATING, SCALE, COMMENT)) {
            errors.add(new FieldError(RATING, "give a rating, a comment or both"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(error -> reportingRank(error.field())));
            throw new InvalidFeedbackException(errors);
        }
        return FeedbackReceived.newBuilder()
                .setEventId(eventId.orElseGet(newEventId))
                .setChannel(submission.channel())
                .setSubject(subject.orElseThrow())
                .setRating(rating.orElse(null))
                .setText(comment.map(PersonalDataMask::mask).orElse(null))
                .setSenderPseudonym(submission.senderPseudonym())
                .setReplyTo(submission.replyTo())
                .setAnswersFollowUp(submission.answersFollowUp())
                .setOccurredAt(occurredAt)
                .setReceivedAt(now.truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private Optional<String> subject(String raw, List<FieldError> errors) {
        if (raw == null) {
            if (!hasErrorFor(errors, SUBJECT)) {
                errors.add(new FieldError(SUBJECT, "is required"));
            }
            return Optional.empty();
        }
        String subject = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (subject.isEmpty()) {
            errors.add(new FieldError(SUBJECT, "must not be blank"));
        } else if (subject.codePointCount(0, subject.length()) > SUBJECT_MAX_LENGTH) {
            errors.add(new FieldError(SUBJECT, "must be at most " + SUBJECT_MAX_LENGTH + " characters long"));
        } else if (!SUBJECT_CHARACTERS.matcher(subject).matches()) {
            errors.add(new FieldError(SUBJECT, "may contain only letters, digits, spaces and - _ . : #"));
        } else if (PersonalDataMask.containsPhoneNumber(subject, SUBJECT_PHONE_DIGITS)) {
            errors.add(new FieldError(SUBJECT, "must not look like a phone number (" + SUBJECT_PHONE_DIGITS
                    + " or more digits in a row)"));
        } else if (!allowlist.allows(subject)) {
            errors.add(new FieldError(SUBJECT, "is not a subject feedback is taken for here"));
        } else {
            return Optional.of(subject);
        }
        return Optional.empty();
    }

    private static Optional<Rating> rating(FeedbackSubmission submission, List<FieldError> errors) {
        Optional<SupportedScale> scale = scale(submission.scale(), errors);
        Long value = submission.rating();
        if (value == null || scale.isEmpty()) {
            return Optional.empty();
        }
        SupportedScale known = scale.get();
        if (!known.allows(value)) {
            errors.add(new FieldError(RATING, "must be from " + known.min() + " to " + known.max()
                    + " on the " + known.wireName() + " scale"));
            return Optional.empty();
        }
        return Optional.of(new Rating(value.intValue(), known.avro()));
    }

    private static Optional<SupportedScale> scale(String raw, List<FieldError> errors) {
        if (raw == null) {
            return hasErrorFor(errors, SCALE) ? Optional.empty() : Optional.of(SupportedScale.DEFAULT);
        }
        Optional<SupportedScale> scale = SupportedScale.byWireName(raw);
        if (scale.isEmpty()) {
            errors.add(new FieldError(SCALE, "must be one of " + SupportedScale.wireNames()));
        }
        return scale;
    }

    private static int commentLimit(Channel channel) {
        return channel == Channel.SMS ? SMS_TEXT_MAX_LENGTH : COMMENT_MAX_LENGTH;
    }

    private static Optional<String> comment(String raw, int limit, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String comment = raw.strip();
        if (comment.codePointCount(0, comment.length()) > limit) {
            errors.add(new FieldError(COMMENT, "must be at most " + limit + " characters long"));
            return Optional.empty();
        }
        if (hasUnpairedSurrogate(comment)) {
            errors.add(new FieldError(COMMENT, "contains a character that is not valid Unicode"));
            return Optional.empty();
        }
        return Optional.of(comment);
    }

    /** JSON escapes can spell half a character ({@code "\ud800"}), which no UTF-8 text can carry. */
    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Instant occurredAt(String raw, Instant now, List<FieldError> errors) {
        if (raw == null) {
            return now.truncatedTo(ChronoUnit.MILLIS);
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(OCCURRED_AT,
                    "must be an ISO-8601 date-time with offset, such as 2024-05-01T08:30:00Z"));
            return now;
        }
        if (occurredAt.isBefore(Instant.EPOCH)) {
            // Kafka record timestamps cannot be negative, and the event time becomes the record's.
            errors.add(new FieldError(OCCURRED_AT, "must not be before 1970-01-01T00:00:00Z"));
        } else if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError(OCCURRED_AT, "must not be more than "
                    + FUTURE_TOLERANCE.toMinutes() + " minutes in the future"));
        }
        return occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<String> eventId(String idempotencyKey, List<FieldError> errors) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        if (idempotencyKey.length() > IDEMPOTENCY_KEY_MAX_LENGTH
                || !VISIBLE_ASCII.matcher(idempotencyKey).matches()) {
            errors.add(new FieldError(IDEMPOTENCY_KEY, "must be 1 to " + IDEMPOTENCY_KEY_MAX_LENGTH
                    + " visible ASCII characters (no spaces)"));
            return Optional.empty();
        }
        return Optional.of(idempotencyKey);
    }

    private static int reportingRank(String field) {
        int rank = FIELD_ORDER.indexOf(field);
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }

    private static boolean hasErrorFor(List<FieldError> errors, String... fields) {
        return errors.stream().anyMatch(e -> List.of(fields).contains(e.field()));
    }
}
