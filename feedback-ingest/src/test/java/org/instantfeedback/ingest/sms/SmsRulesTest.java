package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading realistic passenger messages with an operator's rules file. */
class SmsRulesTest {
    private static final SmsRules OPERATOR = SmsRulesFile.parse("operator-rules.txt", resource("operator-rules.txt"));
    private static final SubjectAllowlist ALLOWED = SubjectAllowlist.of(OPERATOR.allowed())
            .plus(OPERATOR.namedSubjects());

    /** passenger-messages.tsv: text, inbound number, subject, rating, scale (blank: none). */
    static Stream<Arguments> passengerMessages() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : resource("passenger-messages.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            rows.add(Arguments.of(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("passengerMessages")
    void reads_subject_and_rating_of_a_passenger_message(String text, String to, String subject, String rating,
            String scale) {
        SmsReading reading = OPERATOR.read(text, to.isEmpty() ? null : to, ALLOWED);

        assertThat(reading.subject()).as("subject").isEqualTo(subject);
        Optional<FoundRating> expected = rating.isEmpty() ? Optional.empty()
                : Optional.of(new FoundRating(Integer.parseInt(rating), SupportedScale.byWireName(scale).orElseThrow()));
        assertThat(reading.rating()).as("rating").isEqualTo(expected);
    }

    @Test
    void reads_every_message_of_the_table() {
        assertThat(passengerMessages()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void sends_subjects_off_the_allow_list_to_unassigned() {
        SmsRules rules = SmsRulesFile.parse("rules", "pattern route {n} -> route-{n}\nallow route-1 route-2\n");
        SubjectAllowlist allowed = SubjectAllowlist.of(rules.allowed()).plus(rules.namedSubjects());

        assertThat(rules.read("route 2 was fine", null, allowed).subject()).isEqualTo("route-2");
        assertThat(rules.read("route 3 was fine", null, allowed).subject()).isEqualTo(SmsRules.UNASSIGNED);
    }

    @Test
    void tries_the_next_rule_when_the_first_match_is_not_allowed() {
        SmsRules rules = SmsRulesFile.parse("rules", "pattern bus {n} -> route-{n}\nalias Airport -> branch-airport\n"
                + "allow route-1\n");
        SubjectAllowlist allowed = SubjectAllowlist.of(rules.allowed()).plus(rules.namedSubjects());

        assertThat(rules.read("bus 9 to the airport", null, allowed).subject()).isEqualTo("branch-airport");
    }

    @ParameterizedTest
    @CsvSource({"8, 8, nps-0-10", "rate 3, 3, nps-0-10", "0, 0, nps-0-10"})
    void reads_lone_numbers_on_the_survey_scale_of_the_rules(String text, int value, String scale) {
        SmsRules nps = SmsRulesFile.parse("rules", "survey-scale nps-0-10\n");

        assertThat(nps.read(text, null, SubjectAllowlist.ANY).rating())
                .contains(new FoundRating(value, SupportedScale.byWireName(scale).orElseThrow()));
    }

    @Test
    void ships_built_in_rules_for_routes_buses_lines_hashes_and_express_lines() {
        SmsRules builtIn = SmsRules.builtIn();

        assertThat(Stream.of("route 42", "Bus 42", "LINE-42", "#42", "take route42").map(text ->
                builtIn.read(text, null, SubjectAllowlist.ANY).subject())).containsOnly("route-42");
        assertThat(builtIn.read("X42 was late", null, SubjectAllowlist.ANY).subject()).isEqualTo("route-X42");
        assertThat(builtIn.read("the shop was nice", null, SubjectAllowlist.ANY).subject())
                .isEqualTo(SmsRules.UNASSIGNED);
        assertThat(builtIn.surveyScale()).isEqualTo(SupportedScale.STARS_5);
    }

    @Test
    void reads_hostile_messages_in_linear_time() {
        List<String> hostile = List.of(
                "route ".repeat(400),
                "#".repeat(2000) + "1",
                "1/".repeat(1000),
                "rate it it it ".repeat(150),
                "\u2605".repeat(2000),
                "\uD83D\uDE21".repeat(1000),
                "central ".repeat(250),
                "x1".repeat(1000) + "x");
        // The limit is the feature: on these runs of what almost matches, a pattern that backtracks
        // would not finish in time.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 200; i++) {
                for (String text : hostile) {
                    OPERATOR.read(text, "+442079460001", ALLOWED);
                }
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = SmsRulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
