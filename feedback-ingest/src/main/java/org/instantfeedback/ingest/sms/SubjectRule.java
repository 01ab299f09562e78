package org.instantfeedback.ingest.sms;

import java.util.Optional;

/** One way of recognising the subject of an SMS in its text. */
interface SubjectRule {
    /**
     * The subject named in {@code text}, which has been lower-cased and whose runs of white space
     * have become single spaces ({@link SmsText#folded}).
     */
    Optional<String> subjectIn(String foldedText);
}
