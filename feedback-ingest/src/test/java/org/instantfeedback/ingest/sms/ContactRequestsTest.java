package org.instantfeedback.ingest.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.instantfeedback.actions.ConversationAction;
import org.instantfeedback.actions.ConversationAction.Kind;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.kafka.PublishUnavailableException;
import org.instantfeedback.ingest.privacy.SenderPseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRequestsTest {
    private static final SenderPseudonyms PSEUDONYMS = new SenderPseudonyms(
            Secret.of("a-test-secret-of-at-least-32-characters"));
    private static final Instant NOW = Instant.parse("2026-12-07T08:15:00Z");
    private static final String PASSENGER = "+447700900123";

    private final List<ConversationAction> actions = new ArrayList<>();
    private final List<String> erasedKeys = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
    void reads_each_of_twilios_opt_out_words_as_an_opt_out(String word) {
        assertThat(requests().requested(word)).contains(Kind.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "UNSTOP"})
    void reads_each_of_twilios_opt_in_words_as_an_opt_in(String word) {
        assertThat(requests().requested(word)).contains(Kind.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FORGET ME", "DELETE ME"})
    void reads_each_default_forget_phrase_as_an_erasure(String phrase) {
        assertThat(requests().requested(phrase)).contains(Kind.FORGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop", "Stop", "  STOP \n", "\tsToP"})
    void reads_a_keyword_in_any_case_and_with_spaces_around_it(String text) {
        assertThat(requests().requested(text)).as(text).contains(Kind.OPT_OUT);
    }

    @Test
    void reads_a_forget_phrase_in_any_case_with_any_spaces_between_its_words() {
        assertThat(requests().requested("  forget   Me ")).contains(Kind.FORGET);
        assertThat(requests().requested("delete\nme")).contains(Kind.FORGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop the bus", "STOP IT", "stop!", "stop.", "don't stop", "forget me not",
            "yes 5/5", "", "   "})
    void takes_a_message_that_is_more_than_a_keyword_for_feedback(String text) {
        assertThat(requests().requested(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "YES", " Yes "})
    void takes_a_bare_yes_for_an_answer_to_ops_not_for_an_opt_in(String text) {
        assertThat(requests().requested(text)).as(text).isEmpty();
    }

    @Test
    void reads_the_operators_own_forget_phrases_instead_of_the_defaults() {
        ContactRequests german = requests("INGEST_FORGET_KEYWORDS", "Vergiss mich, LÖSCHEN");

        assertThat(german.requested("vergiss MICH")).contains(Kind.FORGET);
        assertThat(german.requested("löschen")).contains(Kind.FORGET);
        assertThat(german.requested("forget me")).isEmpty();
        assertThat(german.requested("stop")).contains(Kind.OPT_OUT);
    }

    @Test
    void records_an_opt_out_of_the_senders_pseudonym_by_the_passenger_and_keeps_their_key() {
        assertThat(requests().carryOut(sms("STOP"))).contains(Kind.OPT_OUT);

        assertThat(actions).containsExactly(ConversationAction.optOut(PSEUDONYMS.pseudonymOf(PASSENGER), NOW));
        assertThat(actions.get(0).by()).isEqualTo("passenger");
        assertThat(erasedKeys).isEmpty();
    }

    @Test
    void records_an_opt_in_of_the_senders_pseudonym() {
        assertThat(requests().carryOut(sms("start"))).contains(Kind.OPT_IN);

        assertThat(actions).containsExactly(ConversationAction.optIn(PSEUDONYMS.pseudonymOf(PASSENGER), NOW));
    }

    @Test
    void records_an_erasure_and_destroys_the_senders_key_at_once() {
        assertThat(requests().carryOut(sms("Forget me"))).contains(Kind.FORGET);

        String contactId = PSEUDONYMS.pseudonymOf(PASSENGER);
        assertThat(actions).containsExactly(ConversationAction.forget(contactId, "passenger", NOW));
        assertThat(erasedKeys).containsExactly(contactId);
    }

    @Test
    void leaves_the_key_of_a_passenger_whose_erasure_kafka_did_not_take() {
        ContactRequests unavailable = new ContactRequests(IngestConfig.from(Map.of("INGEST_LOCAL_MODE", "true"))
                .contactRequests(), PSEUDONYMS, action -> {
                    throw new PublishUnavailableException("Kafka is away", null);
                }, erasedKeys::add, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> unavailable.carryOut(sms("DELETE ME")))
                .isInstanceOf(PublishUnavailableException.class);
        assertThat(erasedKeys).isEmpty();
    }

    @Test
    void does_nothing_for_feedback_or_for_a_keyword_without_a_sender() {
        ContactRequests requests = requests();

        assertThat(requests.carryOut(sms("please stop the bus"))).isEmpty();
        assertThat(requests.carryOut(new InboundSms("twilio:SM1", null, "+447700900100", "STOP", null, List.of())))
                .isEmpty();
        assertThat(actions).isEmpty();
    }

    @Test
    void confirms_an_opt_in_and_an_erasure_but_leaves_the_opt_out_confirmation_to_twilio() {
        ContactRequests requests = requests();

        assertThat(requests.confirmation(Kind.OPT_OUT)).isEmpty();
        assertThat(requests.confirmation(Kind.OPT_IN)).isNotBlank();
        assertThat(requests.confirmation(Kind.FORGET)).isEqualTo("Your number and your messages have been deleted.");
        assertThat(requests("INGEST_FORGET_REPLY", "none").confirmation(Kind.FORGET)).isEmpty();
    }

    private ContactRequests requests(String... settings) {
        Map<String, String> env = new HashMap<>(Map.of("INGEST_LOCAL_MODE", "true"));
        for (int i = 0; i + 1 < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return new ContactRequests(IngestConfig.from(env).contactRequests(), PSEUDONYMS, actions::add,
                erasedKeys::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InboundSms sms(String text) {
        return new InboundSms("twilio:SM1", PASSENGER, "+447700900100", text, null, List.of());
    }
}
