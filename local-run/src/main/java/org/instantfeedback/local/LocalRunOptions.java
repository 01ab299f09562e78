package org.instantfeedback.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.config.ConfigVariable;

/**
 * What the local run listens on and whether it simulates passengers: command-line flags first,
 * then environment variables, then defaults.
 */
public record LocalRunOptions(
        int kafkaPort,
        int registryPort,
        int ingestPort,
        int streamsPort,
        int streamsInstances,
        boolean simulate,
        double feedbackPerSecond,
        Path stateDir) {

    private static final String KAFKA_PORT = "LOCAL_KAFKA_PORT";
    private static final String REGISTRY_PORT = "LOCAL_SCHEMA_REGISTRY_PORT";
    private static final String INGEST_PORT = "INGEST_HTTP_PORT";
    private static final String STREAMS_PORT = "STREAMS_HTTP_PORT";
    private static final String STREAMS_INSTANCES = "LOCAL_STREAMS_INSTANCES";
    private static final String SIMULATOR_RATE = "LOCAL_SIMULATOR_RATE";
    private static final String STATE_DIR = "LOCAL_STATE_DIR";
    /** More would only share two cores thinner: enough to watch partitions and models move between them. */
    private static final int MAX_STREAMS_INSTANCES = 4;

    private static final java.util.List<ConfigVariable> VARIABLES = java.util.List.of(
            new ConfigVariable(KAFKA_PORT, "9092", "Port of the embedded Kafka broker."),
            new ConfigVariable(REGISTRY_PORT, "8081", "Port of the embedded schema registry (Confluent API under /apis/ccompat/v7)."),
            new ConfigVariable(INGEST_PORT, "8080", "Port of feedback-ingest."),
            new ConfigVariable(STREAMS_PORT, "8090", "Port of the feedback-streams query API."),
            new ConfigVariable(STREAMS_INSTANCES, "1",
                    "Instances of feedback-streams (1-4): the second listens on the next port, and so on."),
            new ConfigVariable(SIMULATOR_RATE, "4", "Feedback per second the simulator sends (with --simulate)."),
            new ConfigVariable(STATE_DIR, "target/local-run", "Where the local run keeps Kafka Streams state."));

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ./run-local [--simulate] [--rate=<feedback per second>]",
            "                   [--kafka-port=9092] [--registry-port=8081] [--ingest-port=8080] [--streams-port=8090]",
            "                   [--streams-instances=1]",
            "                   [--state-dir=target/local-run]",
            "Runs Kafka, a schema registry, feedback-ingest and feedback-streams on this machine until Ctrl-C.",
            "  --simulate   send realistic passenger feedback for a handful of routes, some of them having a bad day");

    public LocalRunOptions {
        for (int port : new int[] {kafkaPort, registryPort, ingestPort, streamsPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
        }
        if (streamsInstances < 1 || streamsInstances > MAX_STREAMS_INSTANCES) {
            throw new IllegalArgumentException("the local run starts 1 to " + MAX_STREAMS_INSTANCES
                    + " instances of feedback-streams, not " + streamsInstances);
        }
        if (feedbackPerSecond <= 0 || feedbackPerSecond > 1000) {
            throw new IllegalArgumentException("the simulator rate must be above 0 and at most 1000 per second");
        }
    }

    /** Reads the flags and variables; throws IllegalArgumentException naming what is wrong. */
    public static LocalRunOptions from(String[] args, Map<String, String> env) {
        Map<String, String> given = new java.util.HashMap<>(env);
        boolean simulate = false;
        for (String arg : args) {
            if (arg.equals("--simulate")) {
                simulate = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String flag = arg.substring(2, arg.indexOf('='));
                given.put(variableOf(flag), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        return new LocalRunOptions(
                port(given, KAFKA_PORT, 9092),
                port(given, REGISTRY_PORT, 8081),
                port(given, INGEST_PORT, 8080),
                port(given, STREAMS_PORT, 8090),
                instances(given),
                simulate,
                number(given, SIMULATOR_RATE, 4),
                Path.of(given.getOrDefault(STATE_DIR, "target/local-run")));
    }

    private static String variableOf(String flag) {
        switch (flag.toLowerCase(Locale.ROOT)) {
            case "kafka-port":
                return KAFKA_PORT;
            case "registry-port":
                return REGISTRY_PORT;
            case "ingest-port":
                return INGEST_PORT;
            case "streams-port":
                return STREAMS_PORT;
            case "streams-instances":
                return STREAMS_INSTANCES;
            case "rate":
                return SIMULATOR_RATE;
            case "state-dir":
                return STATE_DIR;
            default:
                throw new IllegalArgumentException("unknown option --" + flag);
        }
    }

    private static int port(Map<String, String> given, String variable, int fallback) {
        String value = given.get(variable);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
        }
    }

    private static int instances(Map<String, String> given) {
        String value = given.get(STREAMS_INSTANCES);
        try {
            return value == null || value.isBlank() ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(STREAMS_INSTANCES + " must be a whole number, not '" + value + "'");
        }
    }

    private static double number(Map<String, String> given, String variable, double fallback) {
        String value = given.get(variable);
        try {
            return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number, not '" + value + "'");
        }
    }
}
