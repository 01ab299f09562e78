package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.instantfeedback.alerting.Feedback.feedback;
import static org.instantfeedback.alerting.lifecycle.NegativeSurgeAlertTest.share;

import java.time.Duration;
import java.time.Instant;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.codec.CorruptStateException;
import org.junit.jupiter.api.Test;

class AlertStateCodecTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00.123Z");

    @Test
    void reads_back_an_open_acknowledged_alert_in_its_hold_down() {
        Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);
        alerts.evaluate(share(14, 9, 6, T), T);
        alerts.acknowledge("alice", "looking", T.plusSeconds(30));
        alerts.evaluate(share(5, 5, 20, T.plusSeconds(90)), T.plusSeconds(90));

        assertThat(roundTrip(alerts.state())).isEqualTo(alerts.state());
        assertThat(alerts.state().open().healthySince()).isNotNull();
    }

    @Test
    void reads_back_an_urgent_alert_and_a_closed_one_with_muted_reporters() {
        Alerts alerts = Alerts.of(AlertKind.URGENT_REPORT);
        alerts.report(feedback().at(T).from("p-1").urgent("Fire in the engine").build());
        alerts.report(feedback().at(T.plusSeconds(5)).from("p-2").urgent("Smoke everywhere, ça brûle").build());
        AlertState open = alerts.state();
        alerts.resolve("bob", null, T.plus(Duration.ofMinutes(3)));

        assertThat(roundTrip(open)).isEqualTo(open);
        assertThat(roundTrip(alerts.state())).isEqualTo(alerts.state());
        assertThat(alerts.state().mutedReporters()).hasSize(2);
    }

    @Test
    void reads_back_a_state_that_never_opened() {
        AlertState none = AlertState.none(Scope.GROUP, "depot-north", AlertKind.CSAT_DROP);

        assertThat(roundTrip(none)).isEqualTo(none);
    }

    @Test
    void refuses_bytes_it_cannot_read() {
        assertThatThrownBy(() -> AlertStateCodec.decode(new byte[] {1, 0, 3}))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("alert state");
    }

    private static AlertState roundTrip(AlertState state) {
        return AlertStateCodec.decode(AlertStateCodec.encode(state));
    }
}
