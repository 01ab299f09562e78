package org.instantfeedback.scoring.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The public rated corpora and this project's passenger messages the base model learns from:
 * <ul>
 *   <li>UK rail passengers' reviews with their own stars (Trustpilot; titles and texts as two
 *       texts each; not in the project: pass their path);</li>
 *   <li>VADER's four human-rated sets (tweets, Amazon, movie and New York Times sentences; MIT),
 *       without their {@link StableSplit#TEST} split, which the project's tests hold the shipped
 *       model to;</li>
 *   <li>this project's passenger messages (written for it), whose held-out files are never given
 *       here.</li>
 * </ul>
 */
public record BaseCorpora(List<LabelledText> railReviews, List<LabelledText> vaderSentences,
                          List<LabelledText> passengerMessages) {

    public static final List<String> VADER_SETS = List.of("tweets_GroundTruth.txt",
            "amazonReviewSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
            "nytEditorialSnippets_GroundTruth.txt");

    public BaseCorpora {
        railReviews = List.copyOf(railReviews);
        vaderSentences = List.copyOf(vaderSentences);
        passengerMessages = List.copyOf(passengerMessages);
    }

    public static BaseCorpora read(Path railReviews, Path vaderDirectory, List<Path> passengerMessages) {
        List<LabelledText> vader = new ArrayList<>();
        for (String set : VADER_SETS) {
            Path file = vaderDirectory.resolve(set);
            if (!Files.isReadable(file)) {
                throw new CorpusFormatException(file + ": cannot read VADER's " + set + " in " + vaderDirectory);
            }
            vader.addAll(CorpusReader.read(file, CorpusFormat.VADER_SENTENCES));
        }
        List<LabelledText> messages = new ArrayList<>();
        for (Path file : passengerMessages) {
            messages.addAll(CorpusReader.read(file, CorpusFormat.PASSENGER_MESSAGES));
        }
        return new BaseCorpora(CorpusReader.read(railReviews, CorpusFormat.RAIL_REVIEWS), vader, messages);
    }

    /** Everything the base model may learn from: all but the VADER sets' test split. */
    public List<LabelledText> learnable() {
        return learnable(review -> true);
    }

    /**
     * The learnable texts, of the rail reviews only those that pass {@code keepReview}: the rail
     * reviews are what the development figures split, by review and by company.
     */
    public List<LabelledText> learnable(Predicate<LabelledText> keepReview) {
        List<LabelledText> texts = new ArrayList<>();
        railReviews.stream().filter(keepReview).forEach(texts::add);
        vaderSentences.stream().filter(text -> StableSplit.of(text) != StableSplit.TEST).forEach(texts::add);
        texts.addAll(passengerMessages);
        return texts;
    }

    /** The VADER sentences of one set's test split. */
    public List<LabelledText> vaderTestSplit(String set) {
        return vaderSentences.stream().filter(text -> text.source().equals(set))
                .filter(text -> StableSplit.of(text) == StableSplit.TEST).toList();
    }
}
