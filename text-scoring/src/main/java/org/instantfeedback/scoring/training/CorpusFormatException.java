package org.instantfeedback.scoring.training;

/** A labelled file that cannot be read: the message starts with the file and line ("ratings.tsv:12: ..."). */
public final class CorpusFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorpusFormatException(String message) {
        super(message);
    }
}
