package org.instantfeedback.ingest.sms;

/** A rules file that cannot be used; the message names the file and the line. */
public class InvalidSmsRulesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSmsRulesException(String source, int line, String problem) {
        super(source + ", line " + line + ": " + problem);
    }

    public InvalidSmsRulesException(String source, String problem) {
        super(source + ": " + problem);
    }
}
