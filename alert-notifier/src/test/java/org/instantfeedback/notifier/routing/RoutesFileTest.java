package org.instantfeedback.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.events.FeedbackAlertFigures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoutesFileTest {
    private static final Map<String, String> ENV = Map.of(
            "SLACK_OPS_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX",
            "SLACK_ROUTE_42_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B001/YYYY",
            "INCIDENT_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef");

    @Test
    void the_example_file_in_the_module_is_valid_and_fills_secrets_from_the_environment() throws IOException {
        List<Target> targets = RoutesFile.parse(Files.readString(Path.of("routes.example.json")), ENV);

        assertThat(targets).extracting(Target::name).containsExactly("ops-slack", "route-42-team", "incident-tool");
        assertThat(targets.get(0).url()).hasToString("https://hooks.slack.com/services/T000/B000/XXXX");
        assertThat(targets.get(2).secret()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(targets.get(0).eventTypes()).isEqualTo(Target.DEFAULT_EVENT_TYPES);
        assertThat(targets.get(1).eventTypes()).contains(FeedbackAlertEventType.ACKNOWLEDGED);
        assertThat(targets.toString()).doesNotContain("XXXX").doesNotContain("0123456789abcdef");
    }

    @Test
    void a_target_gets_the_subjects_and_groups_it_names_by_scope() {
        List<Target> targets = RoutesFile.parse(read("routes.example.json"), ENV);
        Target depots = targets.get(0);
        Target route42 = targets.get(1);
        Target incidents = targets.get(2);

        assertThat(depots.wants(alert(SubjectScope.GROUP, "depot-north", FeedbackAlertSeverity.WARNING))).isTrue();
        assertThat(depots.wants(alert(SubjectScope.SUBJECT, "depot-north", FeedbackAlertSeverity.WARNING))).isFalse();
        assertThat(route42.wants(alert(SubjectScope.SUBJECT, "route-42", FeedbackAlertSeverity.WARNING))).isTrue();
        assertThat(route42.wants(alert(SubjectScope.SUBJECT, "route-421", FeedbackAlertSeverity.WARNING))).isFalse();
        assertThat(incidents.wants(alert(SubjectScope.SUBJECT, "route-7", FeedbackAlertSeverity.WARNING))).isFalse();
        assertThat(incidents.wants(alert(SubjectScope.SUBJECT, "route-7", FeedbackAlertSeverity.CRITICAL))).isTrue();
    }

    @Test
    void a_target_without_subjects_or_groups_gets_every_alert_of_the_events_it_wants() {
        Target all = RoutesFile.parse("{\"targets\":[{\"name\":\"all\",\"type\":\"slack\",\"url\":\"https://x.example\"}]}",
                Map.of()).get(0);

        assertThat(all.wants(alert(SubjectScope.GROUP, "brand-citybus", FeedbackAlertSeverity.WARNING))).isTrue();
        assertThat(all.wants(alert(SubjectScope.SUBJECT, "route-1", FeedbackAlertSeverity.WARNING,
                FeedbackAlertEventType.UPDATED))).isFalse();
    }

    @Test
    void mistakes_name_the_entry_and_the_field() {
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\"},"
                + "{\"name\":\"b\",\"type\":\"teams\",\"url\":\"https://x.example\"}]}",
                "target 2 (\"b\"): \"type\" must be \"slack\" or \"webhook\", was \"teams\"");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\",\"subjets\":[]}]}",
                "target 1 (\"a\"): unknown field \"subjets\"");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"webhook\",\"url\":\"https://x.example\"}]}",
                "target 1 (\"a\"): a webhook target needs a \"secret\"");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"webhook\",\"url\":\"https://x.example\","
                + "\"secret\":\"${NOT_SET}\"}]}", "target 1 (\"a\"): \"secret\" refers to ${NOT_SET}, which is not set");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"ftp://x.example\"}]}",
                "target 1 (\"a\"): \"url\" must be an absolute http or https URL");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\","
                + "\"events\":[\"OPENED\",\"CLOSED\"]}]}", "target 1 (\"a\"): \"events\" lists \"CLOSED\"");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\"},"
                + "{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://y.example\"}]}",
                "target 2 (\"a\"): another target has the same name");
        assertRejected("{\"targets\":[{\"name\":\"a\",\"type\":\"slack\",\"url\":\"https://x.example\",}]}",
                "not valid JSON");
        assertRejected("[]", "must be a JSON object with a \"targets\" list");
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> RoutesFile.parse(json, Map.of()))
                .isInstanceOf(InvalidRoutesException.class)
                .hasMessageContaining(message);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FeedbackAlert alert(SubjectScope scope, String subject, FeedbackAlertSeverity severity) {
        return alert(scope, subject, severity, FeedbackAlertEventType.OPENED);
    }

    private static FeedbackAlert alert(SubjectScope scope, String subject, FeedbackAlertSeverity severity,
                                       FeedbackAlertEventType type) {
        Instant at = Instant.parse("2026-11-22T08:15:00Z");
        return FeedbackAlert.newBuilder().setEventId("a#1").setAlertId("a").setScope(scope).setSubject(subject)
                .setKind(FeedbackAlertKind.CSAT_DROP).setSeverity(severity).setType(type)
                .setReason("CSAT fell.").setFigures(FeedbackAlertFigures.newBuilder().setResponses(1)
                        .setRatedResponses(1).setScoredTexts(0).setNegativeTexts(0).setUrgentReports(0)
                        .setComplaints(1).setDistinctSenders(1).setComplainants(1).build())
                .setOpenedAt(at).setEventAt(at).build();
    }
}
