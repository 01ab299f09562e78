package org.instantfeedback.ingest.sms;

import java.util.List;
import java.util.Optional;

/**
 * An {@code alias} rule: names a customer may use for one subject ({@code Central Station},
 * {@code Hauptbahnhof}, {@code HBF} for {@code branch-central}). A name matches as whole words,
 * ignoring case and how much white space separates its words.
 */
final class SubjectAlias implements SubjectRule {
    private final List<String> names;
    private final String subject;

    SubjectAlias(List<String> names, String subject) {
        this.names = names.stream().map(SmsText::folded).toList();
        this.subject = subject;
        if (this.names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("an alias name must not be empty");
        }
    }

    @Override
    public Optional<String> subjectIn(String text) {
        for (String name : names) {
            int from = 0;
            int found;
            // Names are short (a line of the rules file), so this stays linear in the text.
            while ((found = text.indexOf(name, from)) >= 0) {
                if (SmsText.startsWord(text, found) && SmsText.endsWord(text, found + name.length())) {
                    return Optional.of(subject);
                }
                from = found + 1;
            }
        }
        return Optional.empty();
    }

    String subject() {
        return subject;
    }
}
