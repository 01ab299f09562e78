package org.instantfeedback.ingest.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SubjectAllowlist;
import org.instantfeedback.ingest.sms.InvalidSmsRulesException;
import org.instantfeedback.ingest.sms.SmsRules;
import org.instantfeedback.ingest.sms.SmsRulesFile;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.settings.ValueParsers;

/**
 * Which subjects feedback may be about, and how SMS name them.
 *
 * @param smsRules  how SMS are understood (subjects, ratings)
 * @param allowlist subjects feedback may be about ({@link SubjectAllowlist#ANY}: every valid one)
 */
public record SubjectSettings(SmsRules smsRules, SubjectAllowlist allowlist) {
    public static final Setting<Optional<String>> SMS_RULES_FILE = Setting.optional("INGEST_SMS_RULES_FILE",
            ValueParsers.text(), "SMS rules file (subject patterns, aliases, inbound numbers, allow-list, survey"
                    + " scale). Unset: the built-in rules (route/bus/line/#NN/XNN patterns).");
    public static final Setting<List<String>> SUBJECT_ALLOWLIST = Setting.list("INGEST_SUBJECT_ALLOWLIST",
            "Comma-separated subjects feedback may be about; a trailing * matches a prefix (route-*)."
                    + " Unset (and no allow lines in the rules file): every valid subject.");

    static final List<Setting<?>> SETTINGS = List.of(SMS_RULES_FILE, SUBJECT_ALLOWLIST);

    static SubjectSettings from(Map<String, String> env) {
        SmsRules rules = smsRules(env);
        return new SubjectSettings(rules, allowlist(env, rules));
    }

    private static SmsRules smsRules(Map<String, String> env) {
        Optional<String> file = SMS_RULES_FILE.from(env);
        if (file.isEmpty()) {
            return SmsRules.builtIn();
        }
        try {
            return SmsRulesFile.load(Path.of(file.get()));
        } catch (InvalidSmsRulesException e) {
            throw new IllegalArgumentException(SMS_RULES_FILE + ": " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SMS_RULES_FILE + " is not a file path: '" + file.get() + "'", e);
        }
    }

    private static SubjectAllowlist allowlist(Map<String, String> env, SmsRules rules) {
        List<String> entries = new ArrayList<>(SUBJECT_ALLOWLIST.from(env));
        FeedbackValidator subjects = new FeedbackValidator();
        for (String entry : entries) {
            String subject = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
            if (!subject.isEmpty() && subjects.acceptedSubject(subject).isEmpty()) {
                throw new IllegalArgumentException(SUBJECT_ALLOWLIST + " lists '" + entry + "', which is not a"
                        + " valid subject (letters, digits, spaces and - _ . : #, at most "
                        + FeedbackValidator.SUBJECT_MAX_LENGTH + ")");
            }
        }
        entries.addAll(rules.allowed());
        return SubjectAllowlist.of(entries).plus(rules.namedSubjects());
    }
}
