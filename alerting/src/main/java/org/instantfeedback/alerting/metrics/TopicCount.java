package org.instantfeedback.alerting.metrics;

/** How many responses in a window were about one topic. */
public record TopicCount(String topic, long count) {
}
