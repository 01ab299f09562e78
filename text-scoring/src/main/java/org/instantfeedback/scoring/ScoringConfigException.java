package org.instantfeedback.scoring;

/** A scoring configuration file that cannot be used; the message names the file and the line. */
public final class ScoringConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    ScoringConfigException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    ScoringConfigException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
    }

    /** The file (or resource) name as given when loading. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when the file could not be read at all. */
    public int line() {
        return line;
    }
}
