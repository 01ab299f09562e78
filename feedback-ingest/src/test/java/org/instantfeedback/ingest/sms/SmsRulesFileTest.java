package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsRulesFileTest {

    @Test
    void reads_the_example_of_the_documentation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sms-rules.txt");
        Files.writeString(file, """
                # Rules of the Metro bus company
                survey-scale stars-5

                pattern route {n}                      -> route-{n}
                pattern #{n}                           -> route-{n}
                alias   Central Station | Hauptbahnhof -> branch-central
                number  +44 20 7946 0000               -> branch-london
                allow   route-* branch-central
                """);

        SmsRules rules = SmsRulesFile.load(file);

        assertThat(rules.source()).isEqualTo(file.toString());
        assertThat(rules.allowed()).containsExactly("route-*", "branch-central");
        assertThat(rules.namedSubjects()).containsExactlyInAnyOrder("branch-central", "branch-london", "unassigned");
        assertThat(rules.surveyScale()).isEqualTo(SupportedScale.STARS_5);
        assertThat(rules.read("hauptbahnhof was clean", null, SubjectAllowlist.ANY).subject())
                .isEqualTo("branch-central");
        assertThat(rules.read("hello", "+442079460000", SubjectAllowlist.ANY).subject()).isEqualTo("branch-london");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "patern route {n} -> route-{n}    | unknown directive 'patern'",
        "pattern route {n} route-{n}      | expected '<what> -> <subject>'",
        "pattern route -> route-{n}       | exactly one {n}",
        "pattern {n} {n} -> route-{n}     | exactly one {n}",
        "pattern {n} -> route-{n}         | a bare number would match every number",
        "pattern route {n} -> route<{n}>  | is not a valid subject",
        "pattern route {x} {n} -> r-{n}   | the only placeholder is {n}",
        "pattern route {n} ->             | both sides of -> must be given",
        "'alias Central | | HBF -> branch' | an alias name is empty",
        "alias Central -> branch central! | is not a valid subject",
        "number call me -> branch-x       | is not a phone number",
        "survey-scale stars-10            | survey-scale must be one of stars-5, nps-0-10, thumbs, smiley-4",
        "allow                            | allow needs one or more subjects",
        "allow route-1 <script>           | '<script>' is not a valid subject"})
    void stops_at_a_mistake_naming_the_file_and_the_line(String line, String problem) {
        String content = "# line 1 is a comment\n\n" + line + "\npattern bus {n} -> route-{n}\n";

        assertThatThrownBy(() -> SmsRulesFile.parse("/etc/ingest/sms-rules.txt", content))
                .isInstanceOf(InvalidSmsRulesException.class)
                .hasMessageStartingWith("/etc/ingest/sms-rules.txt, line 3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void names_the_earlier_line_of_a_number_mapped_twice() {
        assertThatThrownBy(() -> SmsRulesFile.parse("rules.txt", "number +4420 7946 0000 -> a\n"
                + "number 0044 20 7946 0000 -> b\n"))
                .hasMessage("rules.txt, line 2: the number is already mapped on line 1");
    }

    @Test
    void names_the_earlier_line_of_a_second_survey_scale() {
        assertThatThrownBy(() -> SmsRulesFile.parse("rules.txt", "survey-scale stars-5\nsurvey-scale thumbs\n"))
                .hasMessage("rules.txt, line 2: survey-scale is already set on line 1");
    }

    @Test
    void refuses_a_file_that_is_missing_or_not_utf_8(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "alias M\u00fcnchen -> branch-munich\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SmsRulesFile.load(dir.resolve("missing.txt")))
                .hasMessageContaining("missing.txt").hasMessageContaining("no such file");
        assertThatThrownBy(() -> SmsRulesFile.load(latin1)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void keeps_the_example_rules_file_of_the_module_valid() {
        SmsRules example = SmsRulesFile.load(Path.of("sms-rules.example.txt"));
        SubjectAllowlist allowed = SubjectAllowlist.of(example.allowed()).plus(example.namedSubjects());

        assertThat(example.read("N7 driver was great 5/5", null, allowed).subject()).isEqualTo("night-7");
        assertThat(example.read("Flughafen", null, allowed).subject()).isEqualTo("branch-airport");
        assertThat(example.read("hello", "+441614960000", allowed).subject()).isEqualTo("branch-manchester");
    }

    @Test
    void reads_windows_line_ends_and_indented_comments() {
        SmsRules rules = SmsRulesFile.parse("rules.txt", "  # comment\r\npattern line {n} -> line-{n}\r\n");

        assertThat(rules.read("line 4", null, SubjectAllowlist.ANY).subject()).isEqualTo("line-4");
    }
}
