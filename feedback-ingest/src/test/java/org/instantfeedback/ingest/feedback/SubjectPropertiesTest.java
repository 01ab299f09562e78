package org.instantfeedback.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.instantfeedback.ingest.privacy.PersonalDataMask;

/** Generated subjects through the subject rules: what is accepted always keeps them. */
class SubjectPropertiesTest {
    private final FeedbackValidator validator = new FeedbackValidator();
    private final FeedbackValidator allowlisted = FeedbackValidator.withAllowlist(
            SubjectAllowlist.of(java.util.List.of("route-42", "branch-*")));

    @Property(tries = 3000)
    void an_accepted_subject_keeps_every_subject_rule(@ForAll("subjects") String raw) {
        Optional<String> accepted = validator.acceptedSubject(raw);

        accepted.ifPresent(subject -> {
            assertThat(subject).isNotBlank().isEqualTo(subject.strip());
            assertThat(subject.codePointCount(0, subject.length())).isLessThanOrEqualTo(
                    FeedbackValidator.SUBJECT_MAX_LENGTH);
            assertThat(subject).matches("[\\p{L}\\p{N} _.:#-]+");
            assertThat(PersonalDataMask.containsPhoneNumber(subject, FeedbackValidator.SUBJECT_PHONE_DIGITS)).isFalse();
        });
        allowlisted.acceptedSubject(raw).ifPresent(subject ->
                assertThat(subject.equals("route-42") || subject.startsWith("branch-")).as(subject).isTrue());
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.oneOf(
                Arbitraries.of("route-42", " route-42 ", "branch-central", "branch-", "Zürich HB", "e\u0301",
                        "0176 12345678", "+447700900123", "route 123 456 789", "", " ", "a".repeat(65), "<script>"),
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("abc0123456789 -_.:#+/\u00A0\u0301").ofMaxLength(70));
    }
}
