package org.instantfeedback.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instantfeedback.alerting.WindowBuilder.windowTo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.alerting.baseline.BaselineReading;
import org.instantfeedback.alerting.checks.VolumeSpikeCheck;
import org.instantfeedback.alerting.rules.AlertRules;
import org.junit.jupiter.api.Test;

class WordingTest {
    private static final Instant T = Instant.parse("2025-03-10T08:15:00Z");

    @Test
    void writes_durations_in_their_two_largest_units() {
        assertThat(Wording.duration(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(Wording.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Wording.duration(Duration.ofMinutes(72))).isEqualTo("1 hour 12 minutes");
        assertThat(Wording.duration(Duration.ofHours(24))).isEqualTo("1 day");
        assertThat(Wording.duration(Duration.ofHours(51).plusMinutes(5))).isEqualTo("2 days 3 hours");
        assertThat(Wording.duration(Duration.ofHours(2).plusSeconds(5))).isEqualTo("2 hours");
        assertThat(Wording.duration(Duration.ZERO)).isEqualTo("0 seconds");
    }

    @Test
    void names_windows_as_people_say_them() {
        Wording wording = Wording.utc();

        assertThat(wording.window(new AlertWindow(T.minus(Duration.ofMinutes(15)), T)))
                .isEqualTo("in the 15 minutes to 08:15");
        assertThat(wording.window(new AlertWindow(T.minus(Duration.ofHours(1)), T))).isEqualTo("in the hour to 08:15");
        assertThat(wording.window(new AlertWindow(T.minus(Duration.ofHours(24)), T)))
                .isEqualTo("in the day to 08:15");
    }

    @Test
    void tells_clock_times_in_the_configured_zone() {
        assertThat(new Wording(ZoneId.of("Europe/Berlin")).clock(T)).isEqualTo("09:15");
    }

    @Test
    void reads_the_same_whatever_the_machines_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = spikeReason();
            Locale.setDefault(new Locale("ar", "EG"));
            String arabic = spikeReason();

            assertThat(german).isEqualTo(arabic).contains("4.5 times the usual 2.0");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void says_about_when_the_count_of_people_is_an_estimate() {
        assertThat(Wording.people(300, false)).isEqualTo("about 300 people");
        assertThat(Wording.people(1, true)).isEqualTo("1 person");
    }

    private static String spikeReason() {
        return new VolumeSpikeCheck(Wording.utc()).assess("route-42", windowTo(T).negativeTexts(9, 6)
                        .positiveTexts(1, 1).usualComplaints(BaselineReading.warm(2.0)).figures(),
                        AlertRules.DEFAULT.with(AlertRules.DEFAULT.volumeSpike().withSettings(
                                Map.of("minComplaints", 5))))
                .words();
    }
}
