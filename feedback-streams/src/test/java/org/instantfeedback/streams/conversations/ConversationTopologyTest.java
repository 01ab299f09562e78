package org.instantfeedback.streams.conversations;

import org.instantfeedback.actions.ConversationAction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.deadletter.DeadLetterHeaders;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.Conversation;
import org.instantfeedback.events.ConversationMessage;
import org.instantfeedback.events.ConversationStatus;
import org.instantfeedback.events.DeliveryStatus;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertKind;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.HandlingMetrics;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.instantfeedback.events.ReplyStatus;
import org.instantfeedback.streams.StreamsTopology;
import org.instantfeedback.streams.feedback.FeedbackTopologyDriver;
import org.instantfeedback.streams.feedback.TestScorers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationTopologyTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final String CONTACT = "c0ntactPseudonym_A";
    private static final String OPERATOR = "+447700900100";
    private static final byte[] SEALED = {1, 2, 3, 4, 5};
    private static final String ANGRY = "Bus 42 was late again, terrible and awful service, very angry";

    @TempDir
    Path stateDir;

    private FeedbackTopologyDriver topology;
    private TestInputTopic<String, String> actions;
    private TestInputTopic<String, ReplyStatus> statuses;
    private TestOutputTopic<String, Conversation> conversations;
    private TestOutputTopic<String, ReplyRequested> replies;
    private TestOutputTopic<String, byte[]> contactKeys;
    private TestOutputTopic<String, String> deadLetters;
    private TestOutputTopic<String, HandlingMetrics> handling;
    private TestOutputTopic<String, FeedbackAlert> alerts;
    private SimpleMeterRegistry meters;
    /** The latest record of each key of feedback.handling.v1 read so far. */
    private final Map<String, HandlingMetrics> handlingByKey = new HashMap<>();
    private int events;

    @BeforeEach
    void start() {
        startWith(Map.of());
    }

    /** Starts the topology with these settings besides the test's own. */
    private void startWith(Map<String, String> extra) {
        Map<String, String> settings = FeedbackTopologyDriver.settings("conversations-test", stateDir);
        settings.putAll(extra);
        meters = new SimpleMeterRegistry();
        topology = new FeedbackTopologyDriver(settings, (config, serdes) -> StreamsTopology.build(
                StreamsTopology.Settings.of(config), TestScorers::standard, serdes, meters), START);
        var driver = topology.driver();
        var serdes = topology.serdes();
        actions = driver.createInputTopic(Topics.CONVERSATION_ACTIONS, new StringSerializer(), new StringSerializer());
        statuses = driver.createInputTopic(Topics.REPLY_STATUS, new StringSerializer(),
                serdes.replyStatus().serializer());
        conversations = driver.createOutputTopic(Topics.CONVERSATIONS, new StringDeserializer(),
                serdes.conversations().deserializer());
        replies = driver.createOutputTopic(Topics.REPLIES, new StringDeserializer(), serdes.replies().deserializer());
        contactKeys = driver.createOutputTopic(Topics.CONTACT_KEYS, new StringDeserializer(),
                new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, new StringDeserializer(), new StringDeserializer());
        handling = driver.createOutputTopic(Topics.HANDLING, new StringDeserializer(), serdes.handling().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), serdes.alerts().deserializer());
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void a_passengers_sms_starts_a_conversation_that_waits_for_an_answer() {
        sms("bus 42 driver rude", START);

        Conversation conversation = latest();
        assertThat(conversation.getConversationId()).isEqualTo(CONTACT + ".1");
        assertThat(conversation.getStatus()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.getSubject()).isEqualTo("route-42");
        assertThat(conversation.getOperatorNumber()).isEqualTo(OPERATOR);
        assertThat(conversation.getWaitingSince()).isEqualTo(START);
        assertThat(conversation.getMessages()).singleElement().satisfies(message -> {
            assertThat(message.getInbound()).isTrue();
            assertThat(message.getText()).isEqualTo("bus 42 driver rude");
            assertThat(message.getSentimentLabel()).isEqualTo("NEGATIVE");
            assertThat(message.getTopics()).contains("STAFF");
        });
    }

    @Test
    void writing_again_within_the_quiet_period_continues_the_conversation_and_later_starts_a_new_one() {
        sms("bus 42 driver rude", START);
        sms("and the heating is broken", START.plus(Duration.ofHours(23)));
        Conversation continued = latest();
        sms("bus late again", START.plus(Duration.ofHours(23)).plus(Duration.ofHours(25)));
        Conversation next = latest();

        assertThat(continued.getConversationId()).isEqualTo(CONTACT + ".1");
        assertThat(continued.getMessages()).hasSize(2);
        assertThat(continued.getWaitingSince()).as("the oldest unanswered message").isEqualTo(START);
        assertThat(next.getConversationId()).isEqualTo(CONTACT + ".2");
        assertThat(next.getMessages()).hasSize(1);
    }

    @Test
    void an_answer_goes_to_the_reply_sender_with_the_encrypted_address_and_the_conversation_waits_for_the_passenger() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry, we are on it.", "sam", START.plusSeconds(90));

        ReplyRequested reply = replies.readValue();
        assertThat(reply.getReplyId()).isEqualTo("reply-1");
        assertThat(reply.getConversationId()).isEqualTo(CONTACT + ".1");
        assertThat(reply.getText()).isEqualTo("Sorry, we are on it.");
        assertThat(reply.getBy()).isEqualTo("sam");
        assertThat(reply.getKind()).isEqualTo(ReplyKind.REPLY);
        assertThat(reply.getTo().getContactId()).isEqualTo(CONTACT);
        assertThat(reply.getTo().getOperatorNumber()).isEqualTo(OPERATOR);
        assertThat(bytes(reply.getTo().getCiphertext())).isEqualTo(SEALED);
        Conversation conversation = latest();
        assertThat(conversation.getStatus()).isEqualTo(ConversationStatus.WAITING);
        assertThat(conversation.getFirstReplyAt()).isEqualTo(START.plusSeconds(90));
        assertThat(conversation.getWaitingSince()).isNull();
        assertThat(conversation.getHandledBy()).containsExactly("sam");
    }

    @Test
    void the_same_reply_read_twice_is_sent_once() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));

        assertThat(replies.readValuesToList()).hasSize(1);
    }

    @Test
    void delivery_news_lands_on_the_answer_and_never_goes_back() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));
        status("reply-1", DeliveryStatus.DELIVERED, null, START.plusSeconds(95));
        status("reply-1", DeliveryStatus.QUEUED, null, START.plusSeconds(96));

        assertThat(latest().getMessages().get(1).getDelivery()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void an_outcome_the_sender_could_not_know_gives_way_to_what_the_provider_says() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));
        status("reply-1", DeliveryStatus.OUTCOME_UNKNOWN, null, START.plusSeconds(95));
        DeliveryStatus unknown = latest().getMessages().get(1).getDelivery();
        status("reply-1", DeliveryStatus.SENT, null, START.plusSeconds(99));

        assertThat(unknown).isEqualTo(DeliveryStatus.OUTCOME_UNKNOWN);
        assertThat(latest().getMessages().get(1).getDelivery()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void closing_asks_the_follow_up_question_and_the_answer_is_the_service_rating_not_a_new_message_to_answer() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plusSeconds(120)).toJson(), START.plusSeconds(120));
        List<ReplyRequested> sent = replies.readValuesToList();
        sms("4", START.plusSeconds(600));

        assertThat(sent).extracting(ReplyRequested::getKind).containsExactly(ReplyKind.REPLY, ReplyKind.FOLLOW_UP);
        assertThat(sent.get(1).getText()).isEqualTo(ConversationSettings.defaults().followUpQuestion().orElseThrow());
        Conversation conversation = latest();
        assertThat(conversation.getStatus()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(conversation.getClosedBy()).isEqualTo("sam");
        assertThat(conversation.getServiceRating()).isEqualTo(4);
        assertThat(conversation.getMessages().get(conversation.getMessages().size() - 1).getFollowUp()).isTrue();
    }

    @Test
    void a_passenger_writing_after_closing_reopens_the_conversation() {
        sms("bus 42 driver rude", START);
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plusSeconds(120)).toJson(), START.plusSeconds(120));
        sms("still waiting for an answer", START.plusSeconds(900));

        Conversation conversation = latest();
        assertThat(conversation.getConversationId()).isEqualTo(CONTACT + ".1");
        assertThat(conversation.getStatus()).isEqualTo(ConversationStatus.OPEN);
        assertThat(conversation.getClosedAt()).isNull();
        assertThat(conversation.getWaitingSince()).isEqualTo(START.plusSeconds(900));
    }

    @Test
    void a_passenger_who_opted_out_gets_no_sms_and_the_answer_says_why() {
        sms("bus 42 driver rude", START);
        actions.pipeInput(CONTACT, "{\"action\":\"opt-out\",\"at\":\"" + START.plusSeconds(30) + "\"}",
                START.plusSeconds(30));
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));

        assertThat(replies.isEmpty()).isTrue();
        Conversation conversation = latest();
        assertThat(conversation.getOptedOut()).isTrue();
        assertThat(conversation.getMessages().get(1).getDelivery()).isEqualTo(DeliveryStatus.OPTED_OUT);
    }

    @Test
    void the_providers_unsubscribed_error_records_the_opt_out() {
        sms("bus 42 driver rude", START);
        reply("reply-1", "Sorry.", "sam", START.plusSeconds(90));
        status("reply-1", DeliveryStatus.FAILED, "21610", START.plusSeconds(91));

        Conversation conversation = latest();
        assertThat(conversation.getOptedOut()).isTrue();
        assertThat(conversation.getMessages().get(1).getDeliveryError()).startsWith("21610");
    }

    @Test
    void forgetting_a_contact_tombstones_every_conversation_and_their_keys() {
        sms("bus 42 driver rude", START);
        sms("bus late again", START.plus(Duration.ofDays(3)));
        conversations.readRecordsToList();
        actions.pipeInput(CONTACT, ConversationAction.forget(CONTACT, "sam", START.plus(Duration.ofDays(4))).toJson(),
                START.plus(Duration.ofDays(4)));

        List<TestRecord<String, Conversation>> tombstones = conversations.readRecordsToList();
        assertThat(tombstones).extracting(TestRecord::key).containsExactlyInAnyOrder(CONTACT + ".1", CONTACT + ".2");
        assertThat(tombstones).allSatisfy(record -> assertThat(record.value()).isNull());
        TestRecord<String, byte[]> keys = contactKeys.readRecord();
        assertThat(keys.key()).isEqualTo(CONTACT);
        assertThat(keys.value()).isNull();
    }

    @Test
    void an_action_on_a_conversation_that_does_not_exist_goes_to_the_dead_letters_with_the_reason() {
        reply("reply-1", "Sorry.", "sam", START);
        actions.pipeInput(CONTACT, "not json", START);

        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(reason(dead.get(0))).contains("there is no conversation " + CONTACT + ".1");
        assertThat(reason(dead.get(1))).contains("not JSON");
        assertThat(dead.get(1).value()).isEqualTo("not json");
    }

    @Test
    void first_response_response_and_handling_times_and_service_csat_are_the_ones_the_timestamps_give() {
        sms("bus 42 driver rude", START);
        sms("and nobody answers", START.plusSeconds(60));
        reply("reply-1", "Sorry, we are on it.", "sam", START.plusSeconds(300));
        sms("thanks, still late though", START.plusSeconds(400));
        actions.pipeInput(CONTACT, ConversationAction.reply(CONTACT, CONTACT + ".1", "The next bus is in 5 min.",
                "kim", "reply-2", START.plusSeconds(460)).toJson(), START.plusSeconds(460));
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "kim",
                START.plusSeconds(600)).toJson(), START.plusSeconds(600));
        sms("5", START.plusSeconds(900));

        Map<String, HandlingMetrics> latest = new java.util.HashMap<>();
        handling.readKeyValuesToList().forEach(record -> latest.put(record.key, record.value));
        HandlingMetrics route = latest.get("subject:route-42:PT1H");
        assertThat(route.getOpened()).isEqualTo(1);
        assertThat(route.getFirstResponses()).isEqualTo(1);
        assertThat(route.getFirstResponseSecondsAverage()).isEqualTo(300.0);
        assertThat(route.getResponses()).as("three messages answered").isEqualTo(3);
        assertThat(route.getResponseSecondsAverage()).as("(300 + 240 + 60) / 3").isEqualTo(200.0);
        assertThat(route.getClosed()).isEqualTo(1);
        assertThat(route.getHandlingSecondsAverage()).isEqualTo(600.0);
        assertThat(route.getRepliesPerConversation()).isEqualTo(2.0);
        assertThat(route.getServiceRatings()).isEqualTo(1);
        assertThat(route.getServiceCsatPercent()).isEqualTo(100.0);
        HandlingMetrics sam = latest.get("user:sam:PT1H");
        assertThat(sam.getFirstResponseSecondsAverage()).isEqualTo(300.0);
        assertThat(sam.getResponseSecondsAverage()).as("(300 + 240) / 2").isEqualTo(270.0);
        assertThat(sam.getClosed()).isZero();
        HandlingMetrics kim = latest.get("user:kim:PT1H");
        assertThat(kim.getResponses()).isEqualTo(1);
        assertThat(kim.getResponseSecondsAverage()).isEqualTo(60.0);
        assertThat(kim.getHandlingSecondsAverage()).isEqualTo(600.0);
        assertThat(kim.getServiceRatingAverage()).as("the rating is to the credit of who closed").isEqualTo(5.0);
        assertThat(latest.get("user:kim:PT15M").getFirstResponses()).as("sam's first answer is outside kim's figures")
                .isZero();
    }

    @Test
    void a_passenger_waiting_past_the_limit_opens_an_unanswered_alert_that_resolves_once_answered() {
        sms("bus 42 heating broken", START);
        topology.driver().advanceWallClockTime(Duration.ofMinutes(10));
        List<FeedbackAlert> early = unanswered();
        topology.driver().advanceWallClockTime(Duration.ofMinutes(6));
        List<FeedbackAlert> opened = unanswered();
        reply("reply-1", "Sorry, an engineer is on the way.", "sam", START.plus(Duration.ofMinutes(17)));
        sms("late again", START.plus(Duration.ofMinutes(18)));
        List<FeedbackAlert> resolved = unanswered();

        assertThat(early).as("10 of 15 minutes").isEmpty();
        assertThat(opened).singleElement().satisfies(alert -> {
            assertThat(alert.getType().name()).isEqualTo("OPENED");
            assertThat(alert.getSubject()).isEqualTo("route-42");
            assertThat(alert.getReason()).contains("conversation " + CONTACT + ".1");
            assertThat(alert.getExamples()).containsExactly("bus 42 heating broken (conversation " + CONTACT + ".1)");
            assertThat(alert.getExampleEventIds()).as("the waiting message").containsExactly("twilio:SM1");
        });
        assertThat(resolved).singleElement().satisfies(alert -> {
            assertThat(alert.getType().name()).isEqualTo("RESOLVED");
            assertThat(alert.getAlertId()).isEqualTo(opened.get(0).getAlertId());
        });
    }

    @Test
    void a_negative_surge_from_sms_names_the_events_of_its_examples_which_are_messages_of_the_senders_conversations() {
        for (int i = 1; i <= 4; i++) {
            smsFrom("happy-" + i, "Great service, friendly driver, lovely clean bus, thank you", START.plusSeconds(i));
        }
        for (int i = 1; i <= 5; i++) {
            smsFrom("angry-" + i, ANGRY, START.plusSeconds(10 + i));
        }

        List<FeedbackAlert> surges = alerts.readValuesToList().stream()
                .filter(alert -> alert.getKind() == FeedbackAlertKind.NEGATIVE_SURGE).toList();
        Map<String, Conversation> byId = conversations.readValuesToList().stream()
                .collect(Collectors.toMap(Conversation::getConversationId, c -> c, (older, newer) -> newer));

        assertThat(surges).singleElement().satisfies(surge -> {
            assertThat(surge.getType().name()).isEqualTo("OPENED");
            assertThat(surge.getExamples()).hasSize(3).allSatisfy(example -> assertThat(example).startsWith(ANGRY));
            assertThat(surge.getExampleEventIds()).as("newest first, as the examples")
                    .containsExactly("twilio:SM-angry-5", "twilio:SM-angry-4", "twilio:SM-angry-3");
        });
        assertThat(byId.get("angry-5.1").getMessages()).extracting(ConversationMessage::getMessageId)
                .containsExactly("twilio:SM-angry-5");
        assertThat(byId.get("angry-3.1").getMessages()).extracting(ConversationMessage::getMessageId)
                .containsExactly("twilio:SM-angry-3");
    }

    @Test
    void the_answer_to_the_follow_up_question_rates_the_handling_and_stays_out_of_the_journeys_csat_and_metrics() {
        sms("bus 42 driver rude", START);
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plusSeconds(120)).toJson(), START.plusSeconds(120));
        topology.csatV2().readRecordsToList();
        TestOutputTopic<String, FeedbackMetrics> metrics = topology.driver().createOutputTopic(Topics.METRICS,
                new StringDeserializer(), topology.serdes().metrics().deserializer());
        metrics.readRecordsToList();
        topology.send(FeedbackReceived.newBuilder().setEventId("twilio:SM-answer").setChannel(Channel.SMS)
                .setSubject("route-42").setText("4").setSenderPseudonym(CONTACT)
                .setRating(Rating.newBuilder().setValue(4).setScale(RatingScale.STARS_5).build())
                .setAnswersFollowUp(true)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(CONTACT).setOperatorNumber(OPERATOR)
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(SEALED)).build())
                .setOccurredAt(START.plusSeconds(300)).setReceivedAt(START.plusSeconds(300)).build());

        assertThat(latest().getServiceRating()).isEqualTo(4);
        assertThat(topology.csatV2().isEmpty()).as("no journey CSAT update").isTrue();
        assertThat(metrics.isEmpty()).as("no journey metrics update").isTrue();
    }

    @Test
    void feedback_nobody_can_answer_starts_no_conversation() {
        topology.send(FeedbackReceived.newBuilder().setEventId("web-1").setChannel(Channel.WEB).setSubject("route-42")
                .setText("lovely driver").setOccurredAt(START).setReceivedAt(START).build());

        assertThat(conversations.isEmpty()).isTrue();
    }

    @Test
    void open_and_overdue_conversations_per_subject_group_and_user_follow_the_passenger_waiting_and_being_answered()
            throws Exception {
        restartWithHierarchy("route-42 = depot-north, region-east");

        sms("bus 42 heating broken", START);
        assertThat(queue("subject:route-42")).as("the passenger waits").isEqualTo("1 open, 0 overdue");
        assertThat(queue("group:depot-north")).isEqualTo("1 open, 0 overdue");
        assertThat(queue("group:region-east")).isEqualTo("1 open, 0 overdue");
        assertThat(handlingByKey).as("nobody answered yet: no user counts it").doesNotContainKey("user:sam:PT1H");

        topology.driver().advanceWallClockTime(Duration.ofMinutes(16));
        assertThat(queue("subject:route-42")).as("16 minutes, the limit is 15").isEqualTo("1 open, 1 overdue");
        assertThat(queue("group:depot-north")).isEqualTo("1 open, 1 overdue");
        assertThat(handlingByKey.get("subject:route-42:PT1H").getWindowEnd())
                .as("counted when the check found it").isAfterOrEqualTo(START.plus(Duration.ofMinutes(15)));

        reply("reply-1", "Sorry, an engineer is on the way.", "sam", START.plus(Duration.ofMinutes(17)));
        assertThat(queue("subject:route-42")).as("answered").isEqualTo("0 open, 0 overdue");
        assertThat(queue("group:region-east")).isEqualTo("0 open, 0 overdue");
        assertThat(queue("user:sam")).isEqualTo("0 open, 0 overdue");

        sms("still cold", START.plus(Duration.ofMinutes(18)));
        assertThat(queue("subject:route-42")).as("the passenger writes again").isEqualTo("1 open, 0 overdue");
        assertThat(queue("user:sam")).as("sam answered last").isEqualTo("1 open, 0 overdue");

        actions.pipeInput(CONTACT, ConversationAction.reply(CONTACT, CONTACT + ".1", "It is fixed now.", "kim",
                "reply-2", START.plus(Duration.ofMinutes(20))).toJson(), START.plus(Duration.ofMinutes(20)));
        sms("thanks, but now it is too hot", START.plus(Duration.ofMinutes(21)));
        assertThat(queue("user:sam")).as("kim answered after sam").isEqualTo("0 open, 0 overdue");
        assertThat(queue("user:kim")).isEqualTo("1 open, 0 overdue");

        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plus(Duration.ofMinutes(22))).toJson(), START.plus(Duration.ofMinutes(22)));
        assertThat(queue("subject:route-42")).as("closed while the passenger waited").isEqualTo("0 open, 0 overdue");
        assertThat(queue("group:depot-north")).isEqualTo("0 open, 0 overdue");
        assertThat(queue("user:kim")).isEqualTo("0 open, 0 overdue");
        assertThat(gauges()).as("Prometheus shows what the topic carries").containsEntry("subject:route-42", "0/0")
                .containsEntry("group:depot-north", "0/0").containsEntry("user:sam", "0/0")
                .containsEntry("user:kim", "0/0");
    }

    @Test
    void forgetting_a_passenger_who_waited_past_the_limit_takes_only_them_out_of_the_counts() {
        sms("bus 42 driver rude", START);
        smsFrom("other-passenger", "bus 42 is late", START.plus(Duration.ofMinutes(5)));
        topology.driver().advanceWallClockTime(Duration.ofMinutes(16));
        String before = queue("subject:route-42");
        Map<String, String> gaugesBefore = gauges();
        actions.pipeInput(CONTACT, ConversationAction.forget(CONTACT, "sam", START.plus(Duration.ofMinutes(17)))
                .toJson(), START.plus(Duration.ofMinutes(17)));
        actions.pipeInput(CONTACT, ConversationAction.forget(CONTACT, "sam", START.plus(Duration.ofMinutes(18)))
                .toJson(), START.plus(Duration.ofMinutes(18)));

        assertThat(before).isEqualTo("2 open, 1 overdue");
        assertThat(gaugesBefore).containsEntry("subject:route-42", "2/1");
        assertThat(queue("subject:route-42")).as("the other passenger still waits").isEqualTo("1 open, 0 overdue");
        assertThat(gauges()).containsEntry("subject:route-42", "1/0");
    }

    @Test
    void a_passenger_writing_again_while_waiting_and_closing_twice_count_once() {
        sms("bus 42 driver rude", START);
        sms("hello?", START.plusSeconds(60));
        String waiting = queue("subject:route-42");
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plusSeconds(120)).toJson(), START.plusSeconds(120));
        actions.pipeInput(CONTACT, ConversationAction.close(CONTACT, CONTACT + ".1", "sam",
                START.plusSeconds(180)).toJson(), START.plusSeconds(180));
        List<HandlingMetrics> all = handling.readValuesToList();

        assertThat(waiting).isEqualTo("1 open, 0 overdue");
        assertThat(all).as("counts never below zero").allSatisfy(record -> {
            assertThat(record.getOpenConversations()).isNotNegative();
            assertThat(record.getOverdueConversations()).isNotNegative();
        });
        assertThat(all).last().satisfies(record -> assertThat(record.getOpenConversations()).isZero());
    }

    @Test
    void a_waiting_conversation_that_leaves_the_store_to_make_room_leaves_the_counts() {
        int started = ContactThread.MOST_CONVERSATIONS + 1;
        for (int n = 0; n < started; n++) {
            // A day and an hour apart: each message starts a conversation, and none is answered.
            sms("bus 42 late, day " + n, START.plus(Duration.ofHours(25L * n)));
        }

        assertThat(queue("subject:route-42")).as("the oldest of " + started + " is no longer kept")
                .isEqualTo(ContactThread.MOST_CONVERSATIONS + " open, 0 overdue");
    }

    /** Restarts the topology with a subject hierarchy file of this content. */
    private void restartWithHierarchy(String content) throws Exception {
        Path file = Files.writeString(stateDir.resolve("hierarchy.txt"), content);
        topology.close();
        startWith(Map.of("ALERT_HIERARCHY_FILE", file.toString()));
    }

    /** A key's open and overdue conversations, as its latest PT1H record on feedback.handling.v1 says. */
    private String queue(String key) {
        handling.readKeyValuesToList().forEach(record -> handlingByKey.put(record.key, record.value));
        HandlingMetrics latest = handlingByKey.get(key + ":PT1H");
        assertThat(latest).as("a record of " + key + " on " + Topics.HANDLING).isNotNull();
        return latest.getOpenConversations() + " open, " + latest.getOverdueConversations() + " overdue";
    }

    /** {@code <scope>:<id>} to {@code open/overdue}, as the Prometheus gauges show them. */
    private Map<String, String> gauges() {
        Map<String, String> shown = new HashMap<>();
        meters.find("conversations.open").gauges().forEach(open -> {
            String key = open.getId().getTag("scope") + ":" + open.getId().getTag("id");
            double overdue = meters.get("conversations.overdue").tags(open.getId().getTags()).gauge().value();
            shown.put(key, (int) open.value() + "/" + (int) overdue);
        });
        return shown;
    }

    private List<FeedbackAlert> unanswered() {
        return alerts.readValuesToList().stream().filter(alert -> alert.getKind() == FeedbackAlertKind.UNANSWERED).toList();
    }

    private void sms(String text, Instant at) {
        events++;
        topology.send(FeedbackReceived.newBuilder().setEventId("twilio:SM" + events).setChannel(Channel.SMS)
                .setSubject("route-42").setText(text).setSenderPseudonym(CONTACT)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(CONTACT).setOperatorNumber(OPERATOR)
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(SEALED)).build())
                .setOccurredAt(at).setReceivedAt(at).build());
    }

    /** An SMS from another passenger (their contact id is {@code sender}), event id {@code twilio:SM-<sender>}. */
    private void smsFrom(String sender, String text, Instant at) {
        topology.send(FeedbackReceived.newBuilder().setEventId("twilio:SM-" + sender).setChannel(Channel.SMS)
                .setSubject("route-42").setText(text).setSenderPseudonym(sender)
                .setReplyTo(ReplyAddress.newBuilder().setContactId(sender).setOperatorNumber(OPERATOR)
                        .setKeyId("k-1").setCiphertext(ByteBuffer.wrap(SEALED)).build())
                .setOccurredAt(at).setReceivedAt(at).build());
    }

    private void reply(String replyId, String text, String by, Instant at) {
        actions.pipeInput(CONTACT, ConversationAction.reply(CONTACT, CONTACT + ".1", text, by, replyId, at).toJson(),
                at);
    }

    private void status(String replyId, DeliveryStatus status, String errorCode, Instant at) {
        statuses.pipeInput(CONTACT, ReplyStatus.newBuilder().setReplyId(replyId).setConversationId(CONTACT + ".1")
                .setContactId(CONTACT).setStatus(status).setErrorCode(errorCode).setAt(at).build(), at);
    }

    private Conversation latest() {
        List<Conversation> all = conversations.readValuesToList();
        assertThat(all).as("conversation updates").isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static String reason(TestRecord<String, String> record) {
        Header header = record.headers().lastHeader(DeadLetterHeaders.MESSAGE);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
