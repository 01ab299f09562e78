package org.instantfeedback.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.contacts.ContactKeyring;
import org.instantfeedback.contacts.ContactSettings;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.instantfeedback.embedded.junit.WithKafkaAndRegistry;
import org.instantfeedback.embedded.privacy.PersonalData;
import org.instantfeedback.embedded.twilio.ReceivedMessage;
import org.instantfeedback.embedded.twilio.TwilioApiStandIn;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.service.health.HealthEndpoints;
import org.junit.jupiter.api.Test;

/**
 * Fault: the reply sender killed with SIGKILL while Twilio holds its call, the worst moment: the
 * SMS may be on its way, and the sender never learnt whether Twilio took it. A new sender on the
 * same group must not text the passenger a second time; it reports the reply OUTCOME_UNKNOWN (its
 * start-up sweep of stale SENDING statuses), so ops see the doubt instead of a silent gap, and it
 * goes on sending the replies after it.
 */
@WithKafkaAndRegistry
class ReplySenderKillIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /**
     * Long enough that the sender is killed while still waiting for Twilio's answer, rather than
     * giving up on the call itself; a SENDING turns stale for the sweep 30 s after it.
     */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SWEEP_DEADLINE = PROVIDER_TIMEOUT.plus(Duration.ofSeconds(30)).plus(DEADLINE);
    private static final String NUMBER = PersonalData.PASSENGER;
    private static final String OPERATOR_NUMBER = "+447700900999";
    private static final String ACCOUNT_SID = "AC" + "fedcba9876543210".repeat(2);
    private static final String AUTH_TOKEN = "reply-sender-kill-auth-token-77c1";
    private static final Pattern HEALTH_PORT = Pattern.compile("health and metrics on http://localhost:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_sender_killed_while_twilio_holds_the_call_never_texts_twice_and_reports_the_outcome_unknown(
            KafkaAndRegistry kafka) throws Exception {
        kafka.createTopics(Map.of(Topics.REPLIES, 2, Topics.REPLY_STATUS, 2, Topics.CONTACT_KEYS, 2),
                Set.of(Topics.CONTACT_KEYS));
        Clients clients = new Clients(kafka);
        String kek = Services.contactKek();
        String group = "reply-sender-kill-" + UUID.randomUUID();
        try (TwilioApiStandIn twilio = TwilioApiStandIn.start(ACCOUNT_SID, AUTH_TOKEN);
             ContactKeyring edge = ContactKeyring.create(ContactSettings.from(Map.of(
                     ContactSettings.CONTACT_KEK.name(), kek, "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                     "SCHEMA_REGISTRY_URL", kafka.schemaRegistryUrl())));
             KafkaProducer<String, ReplyRequested> replies = clients.avroProducer();
             ReplyStatusLog statuses = new ReplyStatusLog(clients)) {
            edge.start();
            edge.awaitReady(DEADLINE);
            ReplyAddress address = edge.seal("contact-of-a-killed-sender", OPERATOR_NUMBER, NUMBER, Instant.now());
            Map<String, String> env = Services.replySenderEnv(kafka, kek, group, twilio, AUTH_TOKEN,
                    URI.create("https://feedback.example.com/v1/sms/twilio/status"), PROVIDER_TIMEOUT);
            // The killed member leaves the group after this, rather than after the default 45 s.
            env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
            // Twilio takes the message and then holds its answer for longer than the whole test.
            twilio.stallNext(1, Duration.ofMinutes(10));

            ServiceProcess first = ServiceProcess.replySender(env, group + "-first");
            ReplyRequested stalled;
            try {
                awaitReady(first);
                stalled = send(replies, address, "Sorry for the wait: the 07:12 is cancelled, take the 07:20.");
                await("the call reaches Twilio").atMost(DEADLINE).until(() -> !twilio.messages().isEmpty());
                await("SENDING is committed").atMost(DEADLINE).until(() -> statusesOf(statuses, stalled),
                        written -> written.contains(DeliveryStatus.SENDING));
            } finally {
                first.kill();
            }
            assertThat(statusesOf(statuses, stalled)).as("statuses the killed sender wrote")
                    .containsExactly(DeliveryStatus.SENDING);

            ServiceProcess second = ServiceProcess.replySender(env, group + "-second");
            try {
                awaitReady(second);
                ReplyStatus unknown = await("the new sender reports the outcome unknown").atMost(SWEEP_DEADLINE)
                        .failFast("the new sender exited", () -> !second.isAlive())
                        .until(() -> statuses.of(stalled.getReplyId()).stream()
                                .filter(status -> status.getStatus() == DeliveryStatus.OUTCOME_UNKNOWN).findFirst(),
                                Optional::isPresent).orElseThrow();
                assertThat(unknown.getErrorCode()).isEqualTo("sender-lost");

                ReplyRequested next = send(replies, address, "Update: the 07:20 runs on time.");
                await("the reply after the restart is queued at Twilio").atMost(DEADLINE)
                        .failFast("the new sender exited", () -> !second.isAlive())
                        .until(() -> statusesOf(statuses, next), written -> written.contains(DeliveryStatus.QUEUED));

                List<String> bodies = twilio.messages().stream().map(ReceivedMessage::body).toList();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("statusesOfTheStalledReply", statusesOf(statuses, stalled));
                details.put("smsForTheStalledReply", bodies.stream().filter(stalled.getText()::equals).count());
                details.put("secondsFromSendingToUnknown", Duration.between(statuses.of(stalled.getReplyId()).get(0)
                        .getAt(), unknown.getAt()).toSeconds());
                new ReliabilityResult("reply-sender-sigkill-mid-call", 2, 2, 0, 0, Math.max(0, bodies.size() - 2),
                        details).record();

                // Both replies share the passenger's partition: the new sender reached the second only
                // past the first, so a second call for the first would have come before it.
                assertThat(twilio.messages()).as("messages Twilio created, in order")
                        .extracting(ReceivedMessage::body).containsExactly(stalled.getText(), next.getText());
                assertThat(twilio.messages()).extracting(ReceivedMessage::to).containsOnly(NUMBER);
                assertThat(statusesOf(statuses, stalled)).as("what ops see of the reply sent during the crash")
                        .containsExactly(DeliveryStatus.SENDING, DeliveryStatus.OUTCOME_UNKNOWN);
                assertThat(statusesOf(statuses, next)).containsExactly(DeliveryStatus.SENDING, DeliveryStatus.QUEUED);
            } finally {
                second.stop();
            }
        }
    }

    /** Waits for the child to say where its health API is, then for that API to call it ready. */
    private static void awaitReady(ServiceProcess sender) {
        int port = await("the reply sender names its health port").atMost(DEADLINE)
                .failFast("the reply sender exited", () -> !sender.isAlive())
                .until(() -> healthPort(sender.output()), Optional::isPresent).orElseThrow();
        await("the reply sender is ready").atMost(DEADLINE)
                .failFast("the reply sender exited", () -> !sender.isAlive())
                .until(() -> ready(port));
    }

    private static Optional<Integer> healthPort(String output) {
        Matcher matcher = HEALTH_PORT.matcher(output);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static boolean ready(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + HealthEndpoints.READY_PATH)).timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet: asked again by the wait
        }
    }

    private static ReplyRequested send(KafkaProducer<String, ReplyRequested> replies, ReplyAddress address,
                                       String text) throws Exception {
        ReplyRequested reply = ReplyRequested.newBuilder()
                .setReplyId("reply-" + UUID.randomUUID())
                .setConversationId(address.getContactId() + ".1")
                .setTo(address)
                .setText(text)
                .setKind(ReplyKind.REPLY)
                .setBy("Sam")
                .setRequestedAt(Instant.now())
                .build();
        replies.send(new ProducerRecord<>(Topics.REPLIES, address.getContactId(), reply))
                .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        return reply;
    }

    private static List<DeliveryStatus> statusesOf(ReplyStatusLog statuses, ReplyRequested reply) {
        return statuses.of(reply.getReplyId()).stream().map(ReplyStatus::getStatus).toList();
    }
}
