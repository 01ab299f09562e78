package org.instantfeedback.local;

import java.util.function.Supplier;

/**
 * How conversations with passengers are handled, in one line: the response times, service CSAT and
 * the open and overdue conversations of the last hour, read from the query API
 * ({@code GET /v1/handling}), so a newcomer sees them move as the simulated ops answer.
 */
final class HandlingBoard implements Supplier<String> {
    static final String QUERY = "/v1/handling?scope=subject&window=PT1H";

    private final QueryApiFigures api;

    HandlingBoard(QueryApiFigures api) {
        this.api = api;
    }

    @Override
    public String get() {
        return "Handling, last hour (GET " + api.uri(QUERY) + "): "
                + api.read(QUERY, answer -> HandlingSummary.of(answer.path("entries")).line()) + System.lineSeparator();
    }
}
