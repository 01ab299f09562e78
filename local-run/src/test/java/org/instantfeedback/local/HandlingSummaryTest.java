package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HandlingSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void adds_up_the_subjects_weighting_each_average_by_what_it_measured() throws Exception {
        JsonNode entries = JSON.readTree("""
                [{"id":"route-42","current":{"firstResponses":3,"firstResponseSecondsAverage":20.0,
                   "responses":4,"responseSecondsAverage":30.0,"closed":1,"handlingSecondsAverage":200.0,
                   "serviceRatings":4,"serviceCsatPercent":50.0},"openConversations":5,"overdueConversations":2},
                 {"id":"route-7","current":{"firstResponses":1,"firstResponseSecondsAverage":60.0,
                   "responses":1,"responseSecondsAverage":80.0,"closed":1,"handlingSecondsAverage":100.0,
                   "serviceRatings":1,"serviceCsatPercent":100.0},"openConversations":1,"overdueConversations":0}]
                """);

        HandlingSummary summary = HandlingSummary.of(entries);

        assertThat(summary.hasFirstResponse()).isTrue();
        assertThat(summary.line()).isEqualTo("first response 30 s (4) | response 40 s (5)"
                + " | handling 2 min 30 s (2 closed) | service CSAT 60.0 % (5 ratings) | 6 open, 2 overdue");
    }

    @Test
    void shows_a_dash_where_nothing_was_measured_yet() throws Exception {
        JsonNode entries = JSON.readTree("""
                [{"id":"route-42","current":{"opened":2,"firstResponses":0,"firstResponseSecondsAverage":null,
                   "responses":0,"closed":0,"serviceRatings":0},"openConversations":2,"overdueConversations":0}]
                """);

        HandlingSummary summary = HandlingSummary.of(entries);

        assertThat(summary.hasFirstResponse()).isFalse();
        assertThat(summary.line()).isEqualTo("first response - (0) | response - (0) | handling - (0 closed)"
                + " | service CSAT - (0 ratings) | 2 open, 0 overdue");
    }
}
