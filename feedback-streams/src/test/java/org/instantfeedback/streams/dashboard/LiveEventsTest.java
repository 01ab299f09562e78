package org.instantfeedback.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertFigures;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackAlertSeverity;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.SubjectScope;
import org.instantfeedback.events.TopicMention;
import org.junit.jupiter.api.Test;

/** Live events carry what the page shows, in the shape of the query API's answers. */
class LiveEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-22T08:15:00Z");

    @Test
    void metrics_carry_the_window_and_the_figures_of_a_card() throws Exception {
        FeedbackMetrics metrics = FeedbackMetrics.newBuilder()
                .setScope(SubjectScope.SUBJECT).setSubject("route-42")
                .setWindowSizeMillis(Duration.ofMinutes(15).toMillis())
                .setWindowStart(AT.minus(Duration.ofMinutes(15))).setWindowEnd(AT)
                .setResponses(21).setRatedResponses(12).setCsatPercent(58.3).setAverageRating(3.1).setNps(null)
                .setScoredTexts(20).setNegativeSharePercent(45.0).setUrgentReports(1).setComplaints(9)
                .setDistinctSenders(14).setComplainants(8).setSendersApproximate(false)
                .setTopTopics(List.of(new TopicMention("staff", 6L)))
                .setUpdatedAt(AT)
                .build();

        LiveEvent event = LiveEvents.metrics(metrics);

        assertThat(event.name()).isEqualTo("metrics");
        JsonNode json = JSON.readTree(event.json());
        assertThat(json.path("subject").asText()).isEqualTo("route-42");
        assertThat(json.path("scope").asText()).isEqualTo("SUBJECT");
        assertThat(json.path("window").asText()).isEqualTo("PT15M");
        assertThat(json.path("windowEnd").asText()).isEqualTo("2026-11-22T08:15:00Z");
        assertThat(json.path("csatPercent").asDouble()).isEqualTo(58.3);
        assertThat(json.path("negativeSharePercent").asDouble()).isEqualTo(45.0);
        assertThat(json.path("responses").asLong()).isEqualTo(21);
        assertThat(json.path("urgentCount").asLong()).isEqualTo(1);
        assertThat(json.path("nps").isNull()).isTrue();
        assertThat(json.path("topTopics").get(0).path("topic").asText()).isEqualTo("staff");
    }

    @Test
    void an_acknowledged_alert_reads_as_acknowledged_with_who_and_when_even_after_an_update() throws Exception {
        FeedbackAlert alert = alert(FeedbackAlertEventType.UPDATED).setAcknowledgedBy("alice")
                .setAcknowledgedAt(AT.plusSeconds(60)).build();

        JsonNode json = JSON.readTree(LiveEvents.alert(alert).json());

        assertThat(json.path("alertId").asText()).isEqualTo("alert-1");
        assertThat(json.path("kind").asText()).isEqualTo("URGENT_REPORT");
        assertThat(json.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(json.path("type").asText()).isEqualTo("UPDATED");
        assertThat(json.path("acknowledgedBy").asText()).isEqualTo("alice");
        assertThat(json.path("acknowledgedAt").asText()).isEqualTo("2026-11-22T08:16:00Z");
        assertThat(json.path("figures").path("urgentReports").asLong()).isEqualTo(1);
    }

    @Test
    void an_alert_is_open_until_acknowledged_and_resolved_once_resolved() throws Exception {
        JsonNode opened = JSON.readTree(LiveEvents.alert(alert(FeedbackAlertEventType.OPENED).build()).json());
        JsonNode resolved = JSON.readTree(LiveEvents.alert(alert(FeedbackAlertEventType.RESOLVED)
                .setAcknowledgedAt(AT).setResolvedAt(AT.plusSeconds(5)).setActor("sam").setNote("driver spoken to")
                .build()).json());

        assertThat(opened.path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.path("openedAt").asText()).isEqualTo("2026-11-22T08:15:00Z");
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolvedAt").asText()).isEqualTo("2026-11-22T08:15:05Z");
        assertThat(resolved.path("actor").asText()).isEqualTo("sam");
        assertThat(resolved.path("note").asText()).isEqualTo("driver spoken to");
    }

    @Test
    void line_breaks_in_what_passengers_wrote_stay_inside_one_data_line() throws Exception {
        FeedbackAlert alert = alert(FeedbackAlertEventType.OPENED)
                .setExamples(List.of("driver ran a red light\nsomeone got hurt")).build();

        LiveEvent event = LiveEvents.alert(alert);

        assertThat(event.json()).doesNotContain("\n");
        assertThat(JSON.readTree(event.json()).path("examples").get(0).asText())
                .isEqualTo("driver ran a red light\nsomeone got hurt");
    }

    private static FeedbackAlert.Builder alert(FeedbackAlertEventType type) {
        return FeedbackAlert.newBuilder()
                .setEventId("event-1").setAlertId("alert-1").setScope(SubjectScope.SUBJECT).setSubject("route-42")
                .setKind(FeedbackAlertKind.URGENT_REPORT).setSeverity(FeedbackAlertSeverity.CRITICAL).setType(type)
                .setReason("An urgent report on route-42.").setWindow(null)
                .setFigures(FeedbackAlertFigures.newBuilder()
                        .setResponses(1).setRatedResponses(0).setCsatPercent(null).setAverageRating(null).setNps(null)
                        .setScoredTexts(1).setNegativeTexts(1).setNegativeSharePercent(100.0).setUrgentReports(1)
                        .setComplaints(1).setDistinctSenders(1).setComplainants(1).setSendersApproximate(false)
                        .setBaselineCsatPercent(null).setUsualComplaints(null).build())
                .setExamples(List.of("driver ran a red light, someone got hurt"))
                .setOpenedAt(AT).setEventAt(AT)
                .setAcknowledgedAt(null).setAcknowledgedBy(null).setResolvedAt(null).setResolution(null)
                .setActor(null).setNote(null).setTimeToAcknowledgeMillis(null).setTimeToResolveMillis(null);
    }
}
