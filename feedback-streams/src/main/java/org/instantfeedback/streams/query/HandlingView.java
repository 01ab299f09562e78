package org.instantfeedback.streams.query;

import java.util.List;
import org.instantfeedback.streams.handling.HandlingFigures;

/**
 * A subject's, group's or ops user's handling as the query API shows it: the figures over the
 * window ending now, the series of the windows before it (when read alone), and how many of its
 * conversations are open (the passenger waits) and overdue right now (in lists).
 */
public record HandlingView(String scope, String id, HandlingFigures current, List<HandlingFigures> series,
                           Integer openConversations, Integer overdueConversations) {

    HandlingView withQueue(int open, int overdue) {
        return new HandlingView(scope, id, current, series, open, overdue);
    }
}
