package org.instantfeedback.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SMS-length passenger messages for the benchmarks, generated from templates with a fixed seed so
 * every run scores the same texts: delays, staff, praise, sarcasm, safety reports, emoji, social
 * conventions, and about one in twelve in a language other than English (as in a real feed, those
 * take the language detector's slower path).
 */
public final class SmsCorpus {

    public static final int SIZE = 2_000;

    private static final String[] ENGLISH = {
        "Bus {r} was {m} minutes late again this morning, missed the start of my shift",
        "the {t} to Leeds delayed AGAIN. every single day this week",
        "Still waiting at Market St stop, {m} mins and no sign of the {r}",
        "Train cancelled with no warning, now stranded at {t}",
        "Missed my connection because the {t} sat outside the station for {m} minutes",
        "late again smh",
        "Driver on the {r} was incredibly rude when I asked which stop to get off at",
        "Shout out to the driver of the {t} number {r}, so friendly and patient with everyone",
        "Brilliant driver today, smooth ride and said good morning to everyone 😊",
        "Great, another {m} minute delay. Just what I needed on a Monday.",
        "Thanks @CityBus for the lovely tour of the ring road #not",
        "URGENT: man with a knife on the top deck of the {r}",
        "Someone just collapsed on the platform, needs an ambulance",
        "Driver on his phone while driving down the motorway, dangerous",
        "Packed like sardines on the {t}, couldn't even reach the pole",
        "Vomit on the seats on the night bus, nobody cleaned it",
        "Charged twice on contactless, still no refund",
        "Lift out of order AGAIN, I use a wheelchair and had to go to the next station",
        "Left my black backpack on the {r} at about {t}, has anyone handed it in?",
        "Zero announcements about the delay, we just sat there in silence",
        "What time is the last bus from the airport on Saturdays?",
        "bus {r} at stop {m}",
        "ok",
        "thanks!",
        "2/5",
        "👍",
        "😡😡😡",
        "loooove the new trams!!! #happy",
        "@MetroLink why is the lift at Piccadilly broken again? https://t.co/abc{m}",
        "Driver was lovely but the bus was {m} mins late and I missed my train",
        "Not the fastest service but the views are great and it's cheap",
        "The new app is great, live times are finally accurate",
        "no show again on the {r}. That's the third time",
        "Clean, quiet, on time. Perfect journey.",
        "gr8 service 2day, driver v helpful",
        "Bus sailed straight past the stop while we were all waiting. Next one {m} min later.",
    };

    private static final String[] OTHER_LANGUAGES = {
        "El autobús {r} llegó tarde otra vez, llevo {m} minutos esperando",
        "Der Zug hatte schon wieder {m} Minuten Verspätung",
        "Le bus était encore en retard ce matin, c'est inadmissible",
        "Autobus znowu się spóźnił, to już trzeci raz w tym tygodniu",
        "Il treno è in ritardo di nuovo, che schifo",
    };

    private SmsCorpus() {
    }

    /** {@link #SIZE} texts, about one in twelve not in English. */
    public static String[] mixed() {
        return generate(true);
    }

    static String[] englishOnly() {
        return generate(false);
    }

    private static String[] generate(boolean withOtherLanguages) {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(SIZE);
        while (texts.size() < SIZE) {
            boolean foreign = withOtherLanguages && random.nextInt(12) == 0;
            String[] templates = foreign ? OTHER_LANGUAGES : ENGLISH;
            texts.add(fill(templates[random.nextInt(templates.length)], random));
        }
        return texts.toArray(String[]::new);
    }

    private static String fill(String template, Random random) {
        return template
                .replace("{r}", Integer.toString(1 + random.nextInt(120)))
                .replace("{m}", Integer.toString(5 + random.nextInt(60)))
                .replace("{t}", (5 + random.nextInt(18)) + ":" + (10 + random.nextInt(50)));
    }
}
