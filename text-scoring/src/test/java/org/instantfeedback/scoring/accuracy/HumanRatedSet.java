package org.instantfeedback.scoring.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.instantfeedback.scoring.SentimentLabel;

/**
 * One of VADER's human-rated sets (id TAB mean rating TAB text), labelled with the paper's cut:
 * a mean rating above +0.5 is positive, below -0.5 negative, the rest neutral.
 */
record HumanRatedSet(String name, List<Example> examples) {

    static final double POLAR_RATING = 0.5;

    record Example(SentimentLabel gold, String text) {
    }

    static HumanRatedSet load(String name, String resource) {
        InputStream in = HumanRatedSet.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    examples.add(new Example(labelOf(Double.parseDouble(fields[1])), fields[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HumanRatedSet(name, List.copyOf(examples));
    }

    static SentimentLabel labelOf(double meanRating) {
        if (meanRating > POLAR_RATING) {
            return SentimentLabel.POSITIVE;
        }
        return meanRating < -POLAR_RATING ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
}
