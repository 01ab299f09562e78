package org.instantfeedback.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.instantfeedback.alerting.lifecycle.NegativeSurgeAlertTest.share;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.instantfeedback.alerting.AlertEvent;
import org.instantfeedback.alerting.AlertEventType;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Resolution;
import org.junit.jupiter.api.Test;

class OpsActionsTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");

    private final Alerts alerts = Alerts.of(AlertKind.NEGATIVE_SURGE);

    @Test
    void acknowledging_measures_the_time_to_acknowledge() {
        alerts.evaluate(share(10, 9, 11, T), T);

        List<AlertEvent> events = alerts.acknowledge("alice", "crew informed", T.plus(Duration.ofMinutes(4)));

        assertThat(events).singleElement().satisfies(acknowledged -> {
            assertThat(acknowledged.type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
            assertThat(acknowledged.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(4));
            assertThat(acknowledged.timeToResolve()).isNull();
            assertThat(acknowledged.actor()).isEqualTo("alice");
            assertThat(acknowledged.note()).isEqualTo("crew informed");
            assertThat(acknowledged.acknowledgedAt()).isEqualTo(T.plus(Duration.ofMinutes(4)));
            assertThat(acknowledged.reason()).isEqualTo("alice acknowledged the negative surge alert on route-42 at"
                    + " 08:19, 4 minutes after it opened: \"crew informed\".");
            assertThat(acknowledged.eventId()).endsWith("#2");
        });
        assertThat(alerts.state().open().acknowledgedBy()).isEqualTo("alice");
    }

    @Test
    void resolving_measures_the_time_to_resolve_and_keeps_the_time_to_acknowledge() {
        alerts.evaluate(share(10, 9, 11, T), T);
        alerts.acknowledge("alice", null, T.plus(Duration.ofMinutes(4)));

        List<AlertEvent> events = alerts.resolve("bob", "driver replaced", T.plus(Duration.ofMinutes(72)));

        assertThat(events).singleElement().satisfies(resolved -> {
            assertThat(resolved.type()).isEqualTo(AlertEventType.RESOLVED);
            assertThat(resolved.resolution()).isEqualTo(Resolution.BY_OPS);
            assertThat(resolved.timeToResolve()).isEqualTo(Duration.ofMinutes(72));
            assertThat(resolved.timeToAcknowledge()).isEqualTo(Duration.ofMinutes(4));
            assertThat(resolved.acknowledgedBy()).isEqualTo("alice");
            assertThat(resolved.actor()).isEqualTo("bob");
            assertThat(resolved.reason()).isEqualTo("bob resolved the negative surge alert on route-42 at 09:27,"
                    + " 1 hour 12 minutes after it opened: \"driver replaced\".");
        });
        assertThat(alerts.state().isOpen()).isFalse();
    }

    @Test
    void after_ops_resolve_an_alert_no_new_one_opens_until_the_old_complaints_have_left_the_window() {
        alerts.evaluate(share(10, 9, 11, T), T);
        alerts.resolve("bob", null, T.plus(Duration.ofMinutes(5)));

        Instant stillInWindow = T.plus(Duration.ofMinutes(10));
        Instant windowPassed = T.plus(Duration.ofMinutes(20));
        alerts.evaluate(share(10, 9, 11, stillInWindow), stillInWindow);
        alerts.evaluate(share(10, 9, 11, windowPassed), windowPassed);

        assertThat(alerts.publishedTypes()).containsExactly(AlertEventType.OPENED, AlertEventType.RESOLVED,
                AlertEventType.OPENED);
        assertThat(alerts.published().get(2).openedAt()).isEqualTo(windowPassed);
    }

    @Test
    void rejects_acknowledging_an_alert_that_is_not_the_open_one() {
        alerts.evaluate(share(10, 9, 11, T), T);
        String openId = alerts.openId();

        assertThatThrownBy(() -> Alerts.EVALUATOR.acknowledge(alerts.state(),
                new OpsAction("an-old-alert", "alice", null, T.plusSeconds(60))))
                .isInstanceOf(OpsActionRejectedException.class)
                .hasMessage("alert an-old-alert is not open for route-42 (negative-surge); the open one is " + openId);
    }

    @Test
    void rejects_acknowledging_twice_and_resolving_what_is_not_open() {
        alerts.evaluate(share(10, 9, 11, T), T);
        alerts.acknowledge("alice", null, T.plusSeconds(60));
        String id = alerts.openId();

        assertThatThrownBy(() -> alerts.acknowledge("carol", null, T.plusSeconds(90)))
                .isInstanceOf(OpsActionRejectedException.class)
                .hasMessage("alert " + id + " was already acknowledged by alice at 2025-03-10T08:16:00Z");
        alerts.resolve("bob", null, T.plusSeconds(120));
        assertThatThrownBy(() -> Alerts.EVALUATOR.resolve(alerts.state(), new OpsAction(id, "bob", null,
                T.plusSeconds(130)), alerts.rules()))
                .hasMessage("alert " + id + " is not open for route-42 (negative-surge); no alert is");
    }

    @Test
    void an_action_stamped_before_the_opening_counts_as_immediate() {
        alerts.evaluate(share(10, 9, 11, T), T);

        List<AlertEvent> events = alerts.acknowledge("alice", null, T.minusSeconds(20));

        assertThat(events.get(0).timeToAcknowledge()).isEqualTo(Duration.ZERO);
    }

    @Test
    void an_action_must_say_who_acted() {
        assertThatThrownBy(() -> new OpsAction("some-alert", "  ", null, T))
                .isInstanceOf(OpsActionRejectedException.class)
                .hasMessage("an ops action must name who acted");
    }
}
