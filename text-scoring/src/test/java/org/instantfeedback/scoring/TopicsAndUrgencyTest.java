package org.instantfeedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsAndUrgencyTest {

    private final TextScorer scorer = Scorers.standard();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            the 7:45 was delayed again                         | PUNCTUALITY
            missed my connection at Reading                    | PUNCTUALITY
            the N29 never showed up                            | PUNCTUALITY
            the driver was so rude to me                       | STAFF
            ticket inspector shouted at my mum                 | STAFF
            vomit on the seats, filthy                         | CLEANLINESS
            I felt unsafe on the night bus                     | SAFETY
            packed like sardines, had to stand                 | CROWDING
            the heating is broken again                        | CROWDING
            charged twice on contactless, still no refund      | TICKETS
            fares went up again                                | TICKETS
            the lift at Oxford Rd is out of order, I use a wheelchair | ACCESSIBILITY
            left my backpack on the 15, has it been handed in? | LOST_PROPERTY
            lost property never answers                        | LOST_PROPERTY
            no announcements about the delay                   | INFORMATION
            the app showed the wrong platform                  | INFORMATION
            """)
    void recognises_what_a_text_is_about(String text, Topic topic) {
        assertThat(scorer.score(text).topics()).contains(topic);
    }

    @Test
    void a_text_can_be_about_several_topics_and_lists_them_in_topic_order() {
        assertThat(scorer.score("Driver was rude and the bus was 20 minutes late").topics())
                .containsExactly(Topic.PUNCTUALITY, Topic.STAFF);
    }

    @Test
    void a_text_about_nothing_we_know_has_no_topics() {
        assertThat(scorer.score("Travelling to Bath tomorrow").topics()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "URGENT: man with a knife on the top deck of the 25",
            "Someone just collapsed on the platform, needs an ambulance",
            "Bus crashed into a car on Mill Lane, passengers hurt",
            "Driver was speeding and running red lights the whole way",
            "A guy has been harassing a young woman on the tram",
            "Smoke coming from the engine of the 38",
            "Fire on the train at platform 3!!",
            "the bus is on fire",
            "I was groped on the 8am service today",
            "Passenger threatening the driver",
            "Old man fell over when the driver slammed the brakes, he's bleeding",
            "Driver on his phone while driving down the motorway",
            "Medical emergency on the 17:10 from Euston",
            "The bus nearly hit a cyclist",
            "Hubo un accidente en la parada, hay heridos",
            "Unfall an der Haltestelle, es gibt Verletzte",
    })
    void flags_safety_reports_as_urgent(String text) {
        assertThat(scorer.score(text).urgent()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "the driver was fire today 🔥 smoothest ride ever",
            "🔥🔥🔥",
            "the driver was killing it with the announcements",
            "my commute is killing me",
            "Fire alarm test at the station this morning",
            "You should fire the driver of the 42",
            "They should fire whoever designed this timetable",
            "No accident, just a flat tyre",
            "Nobody was hurt, thankfully",
            "Not a single accident in 30 years of driving",
            "£7.80 for a 3 mile trip is daylight robbery",
            "Bus was a bomb site, crisps everywhere",
            "this new route is the bomb",
            "Crash course in patience, that's the 18",
            "the app crashed again",
            "emergency engineering works this weekend",
            "That emergency stop was well handled",
    })
    void does_not_raise_false_alarms(String text) {
        assertThat(scorer.score(text).urgent()).isFalse();
    }

    @Test
    void an_urgent_report_is_also_about_safety() {
        assertThat(scorer.score("man with a knife on the 25").topics()).contains(Topic.SAFETY);
    }
}
