package org.instantfeedback.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.instantfeedback.ingest.config.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The TwiML a caller's phone call is driven by. */
class VoiceTwimlTest {
    private static final String RATING_PATH = "/v1/voice/twilio/rating";
    private static final String RECEIVED_URL = "http://10.0.3.7:8080/v1/voice/twilio";
    private static final VoiceSettings SETTINGS = new VoiceSettings("How was it? Press 1 to 5.",
            "Please press 1 to 5.", "Thanks, goodbye.", "No rating. Goodbye.", "Sorry, not recorded. Goodbye.",
            "Polly.Amy", "en-GB", 8);

    private static VoiceTwiml twiml(VoiceSettings settings, Optional<URI> publicBaseUrl) {
        return new VoiceTwiml(settings, new PublicUrls(publicBaseUrl), RATING_PATH);
    }

    @Test
    void asks_for_one_key_and_says_the_no_answer_text_when_none_comes() {
        String question = twiml(SETTINGS, Optional.empty()).question(RECEIVED_URL);

        assertThat(question).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\""
                + " action=\"http://10.0.3.7:8080/v1/voice/twilio/rating\" method=\"POST\">"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">How was it? Press 1 to 5.</Say></Gather>"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">No rating. Goodbye.</Say></Response>");
    }

    @Test
    void posts_the_key_to_the_public_url_so_twilio_signs_the_url_the_service_checks() {
        VoiceTwiml behindProxy = twiml(SETTINGS, Optional.of(URI.create("https://feedback.example.com/ingest/")));

        assertThat(actionOf(behindProxy.question(RECEIVED_URL)))
                .isEqualTo("https://feedback.example.com/ingest/v1/voice/twilio/rating");
        assertThat(actionOf(behindProxy.afterKeyThatIsNoRating(null, RECEIVED_URL)))
                .isEqualTo("https://feedback.example.com/ingest/v1/voice/twilio/rating?attempt=2");
    }

    @Test
    void escapes_every_text_and_the_action_url() throws Exception {
        VoiceSettings odd = new VoiceSettings("Rate <route> \"42\" & 'its' driver", "Keys 1 & 5 & between",
                "Thanks & bye", "</Say><Hangup/>", "Sorry & bye", "alice", "en-GB", 5);
        VoiceTwiml twiml = new VoiceTwiml(odd, new PublicUrls(Optional.of(URI.create("https://h.example/a&b"))),
                RATING_PATH);

        String question = twiml.question(RECEIVED_URL);
        String again = twiml.afterKeyThatIsNoRating(null, RECEIVED_URL);

        assertThat(question).contains("Rate &lt;route&gt; &quot;42&quot; &amp; &#39;its&#39; driver")
                .contains("&lt;/Say&gt;&lt;Hangup/&gt;").doesNotContain("<Hangup/>")
                .contains("action=\"https://h.example/a&amp;b/v1/voice/twilio/rating\"");
        assertThat(again).contains("Keys 1 &amp; 5 &amp; between");
        assertThat(parsed(question).getElementsByTagName("Say").item(0).getTextContent())
                .isEqualTo("Rate <route> \"42\" & 'its' driver");
        assertThat(actionOf(question)).isEqualTo("https://h.example/a&b/v1/voice/twilio/rating");
        assertThat(parsed(twiml.thanksAndGoodbye()).getDocumentElement().getTextContent()).isEqualTo("Thanks & bye");
    }

    @Test
    void asks_once_more_after_a_key_that_is_no_rating_saying_which_keys_rate() {
        String again = twiml(SETTINGS, Optional.empty()).afterKeyThatIsNoRating(null, RECEIVED_URL);

        assertThat(again).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\""
                + " action=\"http://10.0.3.7:8080/v1/voice/twilio/rating?attempt=2\" method=\"POST\">"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">Please press 1 to 5.</Say>"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">How was it? Press 1 to 5.</Say></Gather>"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">No rating. Goodbye.</Say></Response>");
    }

    @Test
    void hangs_up_after_a_second_key_that_is_no_rating() {
        VoiceTwiml twiml = twiml(SETTINGS, Optional.empty());

        assertThat(twiml.afterKeyThatIsNoRating("2", RECEIVED_URL + "/rating?attempt=2"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Say voice=\"Polly.Amy\" language=\"en-GB\">No rating. Goodbye.</Say><Hangup/></Response>");
        assertThat(twiml.afterKeyThatIsNoRating("1", RECEIVED_URL)).as("only attempt=2 is the last")
                .contains("<Gather");
        assertThat(twiml.afterKeyThatIsNoRating("22", RECEIVED_URL)).contains("<Gather");
    }

    @Test
    void thanks_the_caller_or_says_the_rating_was_not_recorded_then_hangs_up() {
        VoiceTwiml twiml = twiml(SETTINGS, Optional.empty());

        assertThat(twiml.thanksAndGoodbye()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">Thanks, goodbye.</Say><Hangup/></Response>");
        assertThat(twiml.notStoredAndGoodbye()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Say voice=\"Polly.Amy\" language=\"en-GB\">Sorry, not recorded. Goodbye.</Say><Hangup/>"
                + "</Response>");
    }

    private static String actionOf(String twiml) {
        try {
            return ((Element) parsed(twiml).getElementsByTagName("Gather").item(0)).getAttribute("action");
        } catch (Exception e) {
            throw new AssertionError("not well-formed TwiML: " + twiml, e);
        }
    }

    private static Document parsed(String twiml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed TwiML: " + twiml, e);
        }
    }
}
