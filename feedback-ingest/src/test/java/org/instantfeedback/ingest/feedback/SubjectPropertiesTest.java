package org.instantfeedback.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.instantfeedback.ingest.RandomInputs;
import org.instantfeedback.ingest.privacy.PersonalDataMask;
import org.junit.jupiter.api.Test;

/** Generated subjects through the subject rules: what is accepted always keeps them. */
class SubjectPropertiesTest {
    private static final long SEED = 0x5EED_0004L;
    private final FeedbackValidator validator = new FeedbackValidator();
    private final FeedbackValidator allowlisted = FeedbackValidator.withAllowlist(
            SubjectAllowlist.of(java.util.List.of("route-42", "branch-*")));

    @Test
    void an_accepted_subject_keeps_every_subject_rule() {
        RandomInputs random = RandomInputs.seeded(SubjectPropertiesTest.class,
                "an_accepted_subject_keeps_every_subject_rule", SEED);
        random.forAll(3000, () -> subject(random), raw -> {
            Optional<String> accepted = validator.acceptedSubject(raw);

            accepted.ifPresent(subject -> {
                assertThat(subject).isNotBlank().isEqualTo(subject.strip());
                assertThat(subject.codePointCount(0, subject.length())).isLessThanOrEqualTo(
                        FeedbackValidator.SUBJECT_MAX_LENGTH);
                assertThat(subject).matches("[\\p{L}\\p{N} _.:#-]+");
                assertThat(PersonalDataMask.containsPhoneNumber(subject, FeedbackValidator.SUBJECT_PHONE_DIGITS))
                        .isFalse();
            });
            allowlisted.acceptedSubject(raw).ifPresent(subject ->
                    assertThat(subject.equals("route-42") || subject.startsWith("branch-")).as(subject).isTrue());
        });
    }

    private static String subject(RandomInputs random) {
        return random.oneOf(
                () -> random.pick("route-42", " route-42 ", "branch-central", "branch-", "Zürich HB", "e\u0301",
                        "0176 12345678", "+447700900123", "route 123 456 789", "", " ", "a".repeat(65), "<script>"),
                () -> random.anyString(80),
                () -> random.string("abc0123456789 -_.:#+/\u00A0\u0301", 70));
    }
}
