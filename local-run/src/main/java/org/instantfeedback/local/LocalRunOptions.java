package org.instantfeedback.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.instantfeedback.local.simulator.OpsPace;
import org.instantfeedback.service.settings.Setting;

/**
 * What the local run listens on and whether it simulates passengers (and ops answering them):
 * command-line flags first, then environment variables, then defaults.
 *
 * @param ops how simulated ops answer passengers, with {@code simulate}
 */
public record LocalRunOptions(
        int kafkaPort,
        int registryPort,
        int ingestPort,
        int streamsPort,
        int replySenderPort,
        int streamsInstances,
        boolean simulate,
        double feedbackPerSecond,
        OpsPace ops,
        Path stateDir) {

    /** More would only share two cores thinner: enough to watch partitions and models move between them. */
    private static final int MAX_STREAMS_INSTANCES = 4;

    private static final Setting<Integer> KAFKA_PORT = Setting.port("LOCAL_KAFKA_PORT", 9092,
            "Port of the embedded Kafka broker.");
    private static final Setting<Integer> REGISTRY_PORT = Setting.port("LOCAL_SCHEMA_REGISTRY_PORT", 8081,
            "Port of the embedded schema registry (Confluent API under /apis/ccompat/v7).");
    private static final Setting<Integer> INGEST_PORT = Setting.port("INGEST_HTTP_PORT", 8080,
            "Port of feedback-ingest.");
    private static final Setting<Integer> STREAMS_PORT = Setting.port("STREAMS_HTTP_PORT", 8090,
            "Port of the feedback-streams query API.");
    private static final Setting<Integer> REPLY_SENDER_PORT = Setting.port("REPLY_SENDER_HTTP_PORT", 8082,
            "Port of the reply sender's health and metrics API.");
    private static final Setting<Integer> STREAMS_INSTANCES = Setting.wholeNumber("LOCAL_STREAMS_INSTANCES", 1, 1,
            MAX_STREAMS_INSTANCES, "Instances of feedback-streams (1-4): the second listens on the next port, and so on.");
    // From 0, so that a rate of 0 is refused by the record with the reason, not by the parser.
    private static final Setting<Double> SIMULATOR_RATE = Setting.number("LOCAL_SIMULATOR_RATE", 4, 0, 1000,
            "Feedback per second the simulator sends (with --simulate).").shownAs("4");
    private static final Setting<Double> OPS_ANSWER_SHARE = Setting.number("LOCAL_OPS_ANSWER_SHARE", 0.7, 0, 1,
            "Share of passengers' messages the simulated ops answer (with --simulate); 0 leaves them all to you.")
            .shownAs("0.7");
    private static final Setting<Duration> OPS_WAIT = Setting.duration("LOCAL_OPS_WAIT", "PT1M",
            "Longest the simulated ops take to answer or close a conversation; each waits at random up to it.");
    private static final Setting<String> STATE_DIR = Setting.text("LOCAL_STATE_DIR", "target/local-run",
            "Where the local run keeps Kafka Streams state.");

    public static final List<Setting<?>> SETTINGS = List.of(KAFKA_PORT, REGISTRY_PORT, INGEST_PORT, STREAMS_PORT,
            REPLY_SENDER_PORT, STREAMS_INSTANCES, SIMULATOR_RATE, OPS_ANSWER_SHARE, OPS_WAIT, STATE_DIR);

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ./run-local [--simulate] [--rate=<feedback per second>] [--ops-answer-share=0.7] [--ops-wait=PT1M]",
            "                   [--kafka-port=9092] [--registry-port=8081] [--ingest-port=8080] [--streams-port=8090]",
            "                   [--reply-sender-port=8082] [--streams-instances=1]",
            "                   [--state-dir=target/local-run]",
            "Runs Kafka, a schema registry, feedback-ingest, feedback-streams, the reply sender and a stand-in of",
            "Twilio's API on this machine until Ctrl-C.",
            "  --simulate   send realistic passenger feedback for a handful of routes, some of them having a bad day;",
            "               simulated ops (a program, not people) answer a share of the passengers' texts");

    public LocalRunOptions {
        for (int port : new int[] {kafkaPort, registryPort, ingestPort, streamsPort, replySenderPort}) {
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
        Objects.requireNonNull(ops, "ops");
    }

    /** Reads the flags and variables; throws IllegalArgumentException naming what is wrong. */
    public static LocalRunOptions from(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>(env);
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
                KAFKA_PORT.from(given),
                REGISTRY_PORT.from(given),
                INGEST_PORT.from(given),
                STREAMS_PORT.from(given),
                REPLY_SENDER_PORT.from(given),
                STREAMS_INSTANCES.from(given),
                simulate,
                SIMULATOR_RATE.from(given),
                opsPace(given),
                Path.of(STATE_DIR.from(given)));
    }

    private static OpsPace opsPace(Map<String, String> given) {
        return new OpsPace(OPS_ANSWER_SHARE.from(given), OPS_WAIT.from(given));
    }

    private static String variableOf(String flag) {
        switch (flag.toLowerCase(Locale.ROOT)) {
            case "kafka-port":
                return KAFKA_PORT.name();
            case "registry-port":
                return REGISTRY_PORT.name();
            case "ingest-port":
                return INGEST_PORT.name();
            case "streams-port":
                return STREAMS_PORT.name();
            case "reply-sender-port":
                return REPLY_SENDER_PORT.name();
            case "ops-answer-share":
                return OPS_ANSWER_SHARE.name();
            case "ops-wait":
                return OPS_WAIT.name();
            case "streams-instances":
                return STREAMS_INSTANCES.name();
            case "rate":
                return SIMULATOR_RATE.name();
            case "state-dir":
                return STATE_DIR.name();
            default:
                throw new IllegalArgumentException("unknown option --" + flag);
        }
    }
}
