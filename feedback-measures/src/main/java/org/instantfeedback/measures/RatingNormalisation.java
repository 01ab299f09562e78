package org.instantfeedback.measures;

import java.util.Optional;

/**
 * How a rating on any scale counts towards CSAT and NPS, so every part of the pipeline counts the
 * same way. Events keep the rating as given (value and scale); these rules are applied when
 * figures are computed. Scales are named as the symbols of the Avro {@code RatingScale} enum, so
 * this module needs no Avro.
 *
 * <p>CSAT (customer satisfaction) uses every scale except NPS, mapped onto the 5-point scale; a
 * rating is <em>satisfied</em> when its 5-point equivalent is 4 or 5 ({@link Csat}):
 * <table>
 *   <caption>5-point equivalents</caption>
 *   <tr><th>scale</th><th>values</th><th>5-point equivalent</th><th>satisfied</th></tr>
 *   <tr><td>STARS_5</td><td>1..5</td><td>the same</td><td>4, 5</td></tr>
 *   <tr><td>SMILEY_4</td><td>1 very unhappy .. 4 very happy</td><td>1, 2, 4, 5</td><td>3, 4</td></tr>
 *   <tr><td>THUMBS</td><td>0 down, 1 up</td><td>1, 5</td><td>1 (up)</td></tr>
 *   <tr><td>NPS_0_10</td><td>0..10</td><td>none: not counted in CSAT</td><td>-</td></tr>
 * </table>
 *
 * <p>NPS (net promoter score) uses only NPS_0_10, by {@link NpsCategory}; ratings on other scales
 * do not count towards NPS, since a satisfaction rating does not say whether someone would
 * recommend.
 *
 * <p>Ratings on an UNKNOWN scale (written by a newer producer) count towards neither.
 */
public final class RatingNormalisation {
    private RatingNormalisation() {
    }

    /** The rating on the 5-point CSAT scale, or empty when it does not count towards CSAT. */
    public static Optional<Integer> fivePointEquivalent(String scale, int value) {
        switch (scale) {
            case "STARS_5":
                return value >= 1 && value <= 5 ? Optional.of(value) : Optional.empty();
            case "SMILEY_4":
                return value >= 1 && value <= 4 ? Optional.of(value <= 2 ? value : value + 1) : Optional.empty();
            case "THUMBS":
                return value == 0 || value == 1 ? Optional.of(value == 1 ? 5 : 1) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** Whether the customer was satisfied, or empty when the rating does not count towards CSAT. */
    public static Optional<Boolean> satisfied(String scale, int value) {
        return fivePointEquivalent(scale, value).map(Csat::isSatisfied);
    }

    /** The NPS category, or empty when the rating is not on the 0-10 scale. */
    public static Optional<NpsCategory> npsCategory(String scale, int value) {
        return "NPS_0_10".equals(scale) ? NpsCategory.of(value) : Optional.empty();
    }
}
