package org.instantfeedback.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.instantfeedback.scoring.training.CorpusReader;
import org.instantfeedback.scoring.training.LabelledText;

/**
 * Labelled SMS-length texts for the text model's training benchmarks, without any external data:
 * the project's own labelled files from the text-scoring test jar (about 1,400 English passenger
 * messages, {@code passenger_messages_short.tsv}, and about 400 rated Bulgarian SMS,
 * {@code model/rated_bulgarian_sms.tsv}: a language the lexicon lacks, read by character n-grams),
 * read by {@link CorpusReader} as {@code score train} reads them. Drawn with a fixed seed, one in
 * twelve Bulgarian, and each varied (a route, a time, a stop name or a reference after it, one in
 * four also an operator's handle in front) so that the set is not fifty copies of the same texts.
 * The additions carry no sentiment, so each text keeps its label. The texts still repeat under
 * their additions: a model trained on some of them reads the rest (nearly) perfectly, so the
 * accuracy of a model trained here means nothing; the set is for timing.
 */
public final class TrainingCorpus {

    private static final String ENGLISH = "org/instantfeedback/scoring/passenger_messages_short.tsv";
    private static final String BULGARIAN = "org/instantfeedback/scoring/model/rated_bulgarian_sms.tsv";
    private static final long SEED = 20_261_206L;

    private static final String[] HANDLES = {"@CityLink ", "@NorthLinkRail ", "@MetroTrams ", "Re: ", "To customer services: "};
    private static final String[] STOPS = {
        "Market St", "Alderby Cross", "Harlow Bridge", "Central Station", "Millbrook", "Dunmore Rd", "Kingsway",
        "Old Quay", "Riverside", "St Anne's Sq", "Victoria Park", "Bellfield Interchange", "Northgate", "Canal Wharf",
    };
    private static final String[] ENGLISH_ENDINGS = {
        " (route {r}, {t})", " - {s}", " #route{r}", " at {s} stop", " {t}", " bus {r} from {s}", " ref {n}",
    };
    private static final String[] BULGARIAN_STOPS = {
        "Сердика", "Орлов мост", "Лъвов мост", "Централна гара", "Младост 1", "Красно село", "НДК", "Люлин",
        "Овча купел", "Хаджи Димитър",
    };
    private static final String[] BULGARIAN_ENDINGS = {" (линия {r}, {t})", " - спирка {s}", " {t}", " линия {r}"};

    private TrainingCorpus() {
    }

    /** {@code size} labelled texts, the same on every run. */
    public static List<LabelledText> generate(int size) {
        List<LabelledText> english = read(ENGLISH);
        List<LabelledText> bulgarian = read(BULGARIAN);
        Random random = new Random(SEED);
        List<LabelledText> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            boolean inBulgarian = random.nextInt(12) == 0;
            List<LabelledText> from = inBulgarian ? bulgarian : english;
            LabelledText original = from.get(random.nextInt(from.size()));
            String text = inBulgarian ? vary(original.text(), null, BULGARIAN_ENDINGS, BULGARIAN_STOPS, random)
                    : vary(original.text(), HANDLES, ENGLISH_ENDINGS, STOPS, random);
            texts.add(new LabelledText(text, original.label(), original.source(), original.group(),
                    original.id() + "#" + i, original.where()));
        }
        return texts;
    }

    /** What a set is made of, for the notes: size, distinct texts, mean length, share in Bulgarian. */
    public static String describe(List<LabelledText> texts) {
        Set<String> distinct = new HashSet<>();
        long chars = 0;
        int bulgarian = 0;
        for (LabelledText text : texts) {
            distinct.add(text.text());
            chars += text.text().length();
            bulgarian += text.source().startsWith("rated_bulgarian") ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%,d labelled texts (%,d distinct, mean %.0f characters, %,d in Bulgarian) "
                        + "from the text-scoring test jar's %s and %s, varied with a fixed seed",
                texts.size(), distinct.size(), (double) chars / Math.max(1, texts.size()), bulgarian,
                fileName(ENGLISH), fileName(BULGARIAN));
    }

    private static String vary(String text, String[] handles, String[] endings, String[] stops, Random random) {
        StringBuilder varied = new StringBuilder();
        if (handles != null && random.nextInt(4) == 0) {
            varied.append(handles[random.nextInt(handles.length)]);
        }
        varied.append(text);
        varied.append(endings[random.nextInt(endings.length)]
                .replace("{r}", Integer.toString(1 + random.nextInt(120)))
                .replace("{t}", String.format(Locale.ROOT, "%02d:%02d", 5 + random.nextInt(18), random.nextInt(60)))
                .replace("{s}", stops[random.nextInt(stops.length)])
                .replace("{n}", Integer.toString(10_000 + random.nextInt(90_000))));
        return varied.toString();
    }

    /** Reads a labelled file of the test jar with the project's reader (it reads files, so a copy is made). */
    private static List<LabelledText> read(String resource) {
        try (InputStream in = TrainingCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + ": the text-scoring test jar "
                        + "(org.instantfeedback:text-scoring:tests) must be on the class path");
            }
            Path directory = Files.createTempDirectory("training-corpus");
            Path file = directory.resolve(fileName(resource));
            try {
                Files.copy(in, file);
                List<LabelledText> texts = new ArrayList<>();
                for (LabelledText text : CorpusReader.read(file)) {
                    // where: the resource and line, not the copy's temporary directory
                    texts.add(new LabelledText(text.text(), text.label(), text.source(), text.group(), text.id(),
                            text.where().replace(file.toString(), resource)));
                }
                return texts;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
