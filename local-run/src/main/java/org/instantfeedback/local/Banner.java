package org.instantfeedback.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the local run prints once everything is up: where each part listens, and what to try. */
final class Banner {
    private Banner() {
    }

    static String of(LocalRun run, LocalRunOptions options) {
        String ingest = run.ingestUri().toString();
        String streams = run.streamsUri().toString();
        String others = run.streamsUris().stream().skip(1).map(Object::toString)
                .reduce("", (all, uri) -> all + System.lineSeparator() + "  feedback-streams         " + uri);
        List<String> lines = new ArrayList<>(List.of(
                "",
                "instant-feedback is running locally. Ctrl-C stops everything.",
                "",
                "  Kafka bootstrap servers  " + run.bootstrapServers(),
                "  Schema registry          " + run.schemaRegistryUrl(),
                "  feedback-ingest          " + ingest + "   (health: /health/ready, metrics: /metrics)",
                "  feedback-streams         " + streams + "   (health: /health/ready, metrics: /metrics)" + others,
                "  reply-sender             " + run.replySenderUri() + "   (health: /health/ready, metrics: /metrics)",
                "  Inbox (dashboard)        " + streams + "/dashboard/   (conversations: GET /v1/conversations,"
                        + " response times: GET /v1/handling)",
                twilioLine(run.twilio()),
                "",
                privacy(run),
                "",
                "Try:",
                "  curl -i -X POST " + ingest + "/v1/feedback -H 'Content-Type: application/json' \\",
                "       -d '{\"subject\":\"route-42\",\"rating\":2,\"comment\":\"driver rude\"}'",
                "  curl -s " + streams + "/v1/subjects/route-42/csat",
                "  curl -s '" + streams + "/v1/conversations?status=open'",
                ""));
        lines.add(options.simulate() ? simulation(run, options) : "Add --simulate to send realistic passenger feedback.");
        lines.add("");
        return String.join(System.lineSeparator(), lines);
    }

    private static String twilioLine(LocalTwilio twilio) {
        return twilio.standIn()
                .map(standIn -> "  Twilio API stand-in      " + standIn.baseUrl() + "   (account "
                        + twilio.accountSid() + "; answers to passengers are texted here, then reported sent and"
                        + System.lineSeparator() + "                           delivered to ingest. Set REPLY_TWILIO_*"
                        + " (account SID, auth token or API key) to use your own Twilio account instead.)")
                .orElse("  Twilio                   your own provider (REPLY_PROVIDER, REPLY_TWILIO_*); no stand-in."
                        + " Twilio reaches ingest's /v1/sms/twilio/status only at a public"
                        + System.lineSeparator() + "                           REPLY_STATUS_CALLBACK_URL.");
    }

    private static String privacy(LocalRun run) {
        String kek = run.contactKekMadeUp()
                ? "sealed with a CONTACT_KEK made at random for this run"
                : "sealed with your CONTACT_KEK";
        return String.join(System.lineSeparator(),
                "Local mode: senders' pseudonyms use a public development key (INGEST_LOCAL_MODE=true), and",
                "passengers' numbers are " + kek + ". Never send real phone numbers to this run.");
    }

    private static String simulation(LocalRun run, LocalRunOptions options) {
        String ops = run.twilioStandIn().isPresent()
                ? String.format(Locale.ROOT, "SIMULATED OPS (a program, not people) answer about %d %% of"
                        + " the passengers' texts within %s and close some;",
                        Math.round(options.ops().answerShare() * 100), options.ops().longestWait())
                        + System.lineSeparator() + "passengers who texted through Twilio write back. Answer the"
                        + " others yourself in the inbox. Every 30 s the run prints the response times."
                : "Simulated ops stay quiet with your own provider: the simulated passengers' numbers are made up.";
        return String.join(System.lineSeparator(),
                "Simulating passengers on route-12, route-31, X1, branch-central, route-42 and route-7;",
                "route-42 and route-7 start having a bad day after 45 s and 90 s. Some passengers text through",
                "the SMS gateway endpoint, a few through Twilio's webhook (" + ingest(run) + "/v1/sms/twilio).",
                ops);
    }

    private static String ingest(LocalRun run) {
        return run.ingestUri().toString();
    }
}
