package org.instantfeedback.local;

/** What the local run prints once everything is up: where each part listens, and what to try. */
final class Banner {
    private Banner() {
    }

    static String of(LocalRun run, LocalRunOptions options) {
        String ingest = run.ingestUri().toString();
        String streams = run.streamsUri().toString();
        String others = run.streamsUris().stream().skip(1).map(Object::toString)
                .reduce("", (all, uri) -> all + System.lineSeparator() + "  feedback-streams         " + uri);
        return String.join(System.lineSeparator(),
                "",
                "instant-feedback is running locally. Ctrl-C stops everything.",
                "",
                "  Kafka bootstrap servers  " + run.bootstrapServers(),
                "  Schema registry          " + run.schemaRegistryUrl(),
                "  feedback-ingest          " + ingest + "   (health: /health/ready, metrics: /metrics)",
                "  feedback-streams         " + streams + "   (health: /health/ready, metrics: /metrics)" + others,
                "",
                "Try:",
                "  curl -i -X POST " + ingest + "/v1/feedback -H 'Content-Type: application/json' \\",
                "       -d '{\"subject\":\"route-42\",\"rating\":2,\"comment\":\"driver rude\"}'",
                "  curl -s " + streams + "/v1/subjects/route-42/csat",
                "",
                options.simulate()
                        ? "Simulating passengers on route-12, route-31, X1, branch-central, route-42 and route-7;"
                                + System.lineSeparator()
                                + "route-42 and route-7 start having a bad day after 45 s and 90 s."
                        : "Add --simulate to send realistic passenger feedback.",
                "");
    }
}
