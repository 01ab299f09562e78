package org.instantfeedback.registry;

/** The topic-name subject strategy, Confluent's default. */
final class Subjects {
    private Subjects() {
    }

    static String forTopic(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
