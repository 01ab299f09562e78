package org.instantfeedback.alerting.hierarchy;

/** A subject hierarchy file that cannot be read; the message names the file and the line. */
public class HierarchyFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public HierarchyFileException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
