package org.instantfeedback.ingest.sms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.privacy.PhoneNumbers;

/**
 * How to understand an SMS: which subject it is about and which rating it carries. Built from a
 * rules file ({@link SmsRulesFile}) or the built-in rules.
 *
 * <p>The subject is, in this order: the subject of the inbound number ({@code To}) when a
 * {@code number} rule names it (operators with one number per branch); else the subject of the
 * first {@code pattern} or {@code alias} rule, in file order, that matches the text and gives a
 * subject the allow-list allows; else {@value #UNASSIGNED}. The text is always kept.
 */
public final class SmsRules {
    /** The subject of an SMS no rule recognised. */
    public static final String UNASSIGNED = "unassigned";
    /** Only the start of a text is scanned, which bounds the work per message. */
    static final int SCAN_LIMIT = 2_000;

    private final String source;
    private final List<SubjectRule> rules;
    private final Map<String, String> subjectByNumber;
    private final List<String> allowed;
    private final SupportedScale surveyScale;

    SmsRules(String source, List<SubjectRule> rules, Map<String, String> subjectByNumber, List<String> allowed,
            SupportedScale surveyScale) {
        this.source = source;
        this.rules = List.copyOf(rules);
        this.subjectByNumber = Map.copyOf(subjectByNumber);
        this.allowed = List.copyOf(allowed);
        this.surveyScale = surveyScale;
    }

    /** The rules that ship with the service (route, bus, line, #NN and XNN patterns). */
    public static SmsRules builtIn() {
        return SmsRulesFile.builtIn();
    }

    public SmsReading read(String text, String inboundNumber, SubjectAllowlist allowlist) {
        String scanned = text.length() > SCAN_LIMIT ? text.substring(0, SCAN_LIMIT) : text;
        Optional<FoundRating> rating = RatingInText.find(scanned, surveyScale);
        if (inboundNumber != null && !inboundNumber.isBlank()) {
            String subject = subjectByNumber.get(PhoneNumbers.normalise(inboundNumber));
            if (subject != null) {
                return new SmsReading(subject, rating);
            }
        }
        String folded = SmsText.folded(scanned);
        for (SubjectRule rule : rules) {
            Optional<String> subject = rule.subjectIn(folded).filter(allowlist::allows);
            if (subject.isPresent()) {
                return new SmsReading(subject.get(), rating);
            }
        }
        return new SmsReading(UNASSIGNED, rating);
    }

    /** Entries of {@code allow} lines. */
    public List<String> allowed() {
        return allowed;
    }

    /** Subjects the rules name outright (aliases, numbers, unassigned): always allowed. */
    public Set<String> namedSubjects() {
        Set<String> named = new LinkedHashSet<>();
        rules.stream().filter(SubjectAlias.class::isInstance).map(r -> ((SubjectAlias) r).subject()).forEach(named::add);
        named.addAll(subjectByNumber.values());
        named.add(UNASSIGNED);
        return named;
    }

    public SupportedScale surveyScale() {
        return surveyScale;
    }

    /** Where the rules came from: a file path or "built-in SMS rules". */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "SmsRules[" + source + ", " + rules.size() + " subject rules, " + subjectByNumber.size()
                + " numbers]";
    }
}
