package org.instantfeedback.streams.query;

import java.util.List;
import org.instantfeedback.streams.handling.HandlingFigures;
import org.instantfeedback.streams.handling.QueueCounts;

/**
 * A subject's, group's or ops user's handling as the query API shows it: the figures over the
 * window ending now, the series of the windows before it (when read alone), and how many of its
 * conversations are open (the passenger waits) and overdue right now.
 */
public record HandlingView(String scope, String id, HandlingFigures current, List<HandlingFigures> series,
                           int openConversations, int overdueConversations) {

    static HandlingView of(String scope, String id, HandlingFigures current, List<HandlingFigures> series,
                           QueueCounts counts) {
        return new HandlingView(scope, id, current, series, counts.open(), counts.overdue());
    }
}
