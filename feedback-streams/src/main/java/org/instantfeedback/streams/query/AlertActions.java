package org.instantfeedback.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import org.instantfeedback.config.Topics;

/**
 * Sends ops' acknowledgements and resolutions to feedback.alert-actions.v1, keyed
 * {@code <scope>:<id>:<kind>} with the JSON value the alerting topology reads
 * ({@code {alertId, action, actor, note, at}}), and returns only once Kafka has the record.
 */
public final class AlertActions {
    /** The two things ops can do to an alert. */
    public enum Action {
        ACKNOWLEDGE,
        RESOLVE
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActionRecords records;
    private final Clock clock;

    public AlertActions(ActionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Writes the action and waits for Kafka to have it.
     *
     * @throws QueryUnavailableException when Kafka does not take it in time
     */
    public void send(AlertView alert, Action action, String actor, String note) {
        String key = alert.scope().toLowerCase(Locale.ROOT) + ":" + alert.subject() + ":" + alert.kindId();
        ObjectNode value = JSON.createObjectNode()
                .put("alertId", alert.alertId())
                .put("action", action.name())
                .put("actor", actor)
                .put("note", note)
                .put("at", clock.instant().toString());
        records.send(Topics.ALERT_ACTIONS, key, value.toString());
    }
}
