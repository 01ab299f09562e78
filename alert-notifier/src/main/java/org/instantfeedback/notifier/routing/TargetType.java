package org.instantfeedback.notifier.routing;

import java.util.Locale;

/** How a target wants its alerts. */
public enum TargetType {
    /** A Slack incoming webhook (or a compatible one: Mattermost, Rocket.Chat): {@code {"text", "blocks"}}. */
    SLACK,
    /** The alert as JSON, signed with HMAC-SHA256 so the receiver can tell it came from us. */
    WEBHOOK;

    /** The type as written in the routes file. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
