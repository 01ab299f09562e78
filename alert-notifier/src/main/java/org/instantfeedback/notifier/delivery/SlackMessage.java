package org.instantfeedback.notifier.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertSeverity;

/**
 * An alert as a Slack incoming-webhook message: {@code text} (what notifications and clients
 * without blocks show) plus blocks: a headline, the alert's own reason, its examples and a context
 * line with the ids. Mattermost and Rocket.Chat take the same {@code text}.
 */
public final class SlackMessage {
    /** Slack cuts section text at 3,000 characters. */
    static final int MAX_SECTION_CHARS = 3000;

    private SlackMessage() {
    }

    public static Map<String, Object> of(FeedbackAlert alert) {
        String headline = headline(alert);
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(section("*" + escape(headline) + "*\n" + escape(alert.getReason())));
        if (!alert.getExamples().isEmpty()) {
            StringBuilder examples = new StringBuilder("Recent feedback:");
            alert.getExamples().forEach(example -> examples.append("\n> ").append(escape(example)));
            blocks.add(section(examples.toString()));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "alert `" + alert.getAlertId() + "` · event `" + alert.getEventId() + "` · "
                        + alert.getEventAt()))));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", escape(headline + ": " + alert.getReason()));
        message.put("blocks", blocks);
        return message;
    }

    /** "CRITICAL negative surge opened on route-42" (an emoji first, so it stands out in a channel). */
    static String headline(FeedbackAlert alert) {
        String kind = alert.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String happened = alert.getType().name().toLowerCase(Locale.ROOT);
        return icon(alert) + " " + alert.getSeverity().name() + " " + kind + " " + happened + " on "
                + alert.getScope().name().toLowerCase(Locale.ROOT) + " " + alert.getSubject();
    }

    private static String icon(FeedbackAlert alert) {
        if (alert.getType() == FeedbackAlertEventType.RESOLVED) {
            return ":white_check_mark:";
        }
        return alert.getSeverity() == FeedbackAlertSeverity.CRITICAL ? ":rotating_light:" : ":warning:";
    }

    private static Map<String, Object> section(String text) {
        String cut = text.length() > MAX_SECTION_CHARS ? text.substring(0, MAX_SECTION_CHARS - 1) + "…" : text;
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut));
    }

    /** Slack's three control characters; passengers' texts must not become links or mentions. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
