package org.instantfeedback.embedded;

/** Stands in for a registry that cannot start: explains itself on its output and exits. */
public final class ExitsAtOnce {

    static final String COMPLAINT = "registry cannot start: configuration broken";
    static final int STATUS = 3;

    private ExitsAtOnce() {
    }

    public static void main(String[] args) {
        System.out.println("starting up");
        System.out.println(COMPLAINT);
        System.exit(STATUS);
    }
}
