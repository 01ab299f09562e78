package org.instantfeedback.alerting;

/**
 * The key numbers behind an alert, as they stood when the event was raised. Percentages are
 * rounded to one decimal, as dashboards show them; a null figure could not be computed (no
 * ratings, no scored texts, no warm baseline yet).
 *
 * @param responses            responses counted in the window
 * @param ratedResponses       ratings on the 5-point scale
 * @param csatPercent          share of 5-point ratings of 4 or 5, in percent
 * @param averageRating        mean 5-point rating
 * @param nps                  Net Promoter Score (-100 to 100) of the 0-10 ratings
 * @param scoredTexts          texts whose sentiment could be read
 * @param negativeTexts        of those, the ones that read negative
 * @param negativeSharePercent negative texts among scored texts, in percent
 * @param urgentReports        urgent messages
 * @param complaints           unhappy responses (negative text, 1-3 stars, 0-6 of 10, or urgent)
 * @param distinctSenders      distinct people who responded
 * @param complainants         distinct people who complained
 * @param sendersApproximate   true when the sender counts are estimates (beyond the exact cap)
 * @param baselineCsatPercent  the subject's usual CSAT, once its baseline is warm
 * @param usualComplaints      the subject's usual number of complaints in a window of this size, once warm
 */
public record KeyFigures(long responses, long ratedResponses, Double csatPercent, Double averageRating, Double nps,
                         long scoredTexts, long negativeTexts, Double negativeSharePercent, long urgentReports,
                         long complaints, long distinctSenders, long complainants, boolean sendersApproximate,
                         Double baselineCsatPercent, Double usualComplaints) {

    /** The figures of unanswered conversations: how many passengers wait longer than the answer limit. */
    public static KeyFigures ofWaitingPassengers(long waiting) {
        return new KeyFigures(0, 0, null, null, null, 0, 0, null, 0, 0, waiting, 0, false, null, null);
    }

    /** The figures of urgent reports: how many came in, from how many people. */
    public static KeyFigures ofUrgentReports(long reports, long reporters) {
        return new KeyFigures(reports, 0, null, null, null, 0, 0, null, reports, reports, reporters, reporters,
                false, null, null);
    }
}
