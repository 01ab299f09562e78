package org.instantfeedback.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.WindowBuilder.windowTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.instantfeedback.alerting.lifecycle.AlertEvaluator;
import org.instantfeedback.alerting.lifecycle.AlertState;
import org.instantfeedback.alerting.rules.AlertRules;
import org.junit.jupiter.api.Test;

class AlertEventJsonTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");

    @Test
    void writes_an_alert_event_with_the_field_names_of_the_alert_record() throws Exception {
        AlertEvent opened = new AlertEvaluator(Wording.utc()).evaluate(
                AlertState.none(Scope.SUBJECT, "route-42", AlertKind.NEGATIVE_SURGE),
                windowTo(T).negativeTexts(10, 9).positiveTexts(11, 11).figures(), AlertRules.DEFAULT, T)
                .events().get(0);

        JsonNode json = new ObjectMapper().readTree(AlertEventJson.write(opened));

        assertThat(json.get("kind").asText()).isEqualTo("negative-surge");
        assertThat(json.get("severity").asText()).isEqualTo("warning");
        assertThat(json.get("type").asText()).isEqualTo("opened");
        assertThat(json.get("window").get("size").asText()).isEqualTo("PT15M");
        assertThat(json.get("figures").get("negativeSharePercent").asDouble()).isEqualTo(47.6);
        assertThat(json.get("examples")).hasSize(3);
        assertThat(json.get("openedAt").asText()).isEqualTo("2025-03-10T08:15:00Z");
        assertThat(json.get("timeToResolve").isNull()).isTrue();
        assertThat(json.get("reason").asText()).startsWith("Negative share on route-42 reached 48 %");
    }
}
