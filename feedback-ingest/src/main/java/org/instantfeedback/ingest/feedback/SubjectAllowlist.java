package org.instantfeedback.ingest.feedback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subjects feedback may be about, when the operator restricts them. An entry is a subject
 * ({@code route-42}) or a prefix ending in {@code *} ({@code route-*}); comparison is exact
 * (case-sensitive). An empty list allows every subject that follows the subject rules.
 */
public final class SubjectAllowlist {
    public static final SubjectAllowlist ANY = new SubjectAllowlist(List.of());

    private final List<String> entries;
    private final Set<String> exact = new LinkedHashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    private SubjectAllowlist(Collection<String> entries) {
        this.entries = List.copyOf(new LinkedHashSet<>(entries));
        for (String entry : this.entries) {
            if (entry.endsWith("*")) {
                prefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                exact.add(entry);
            }
        }
    }

    public static SubjectAllowlist of(Collection<String> entries) {
        return entries.isEmpty() ? ANY : new SubjectAllowlist(entries);
    }

    /** Whether only some subjects are allowed. */
    public boolean restricts() {
        return !entries.isEmpty();
    }

    public boolean allows(String subject) {
        if (!restricts() || exact.contains(subject)) {
            return true;
        }
        return prefixes.stream().anyMatch(subject::startsWith);
    }

    /** This list and {@code subjects}; an unrestricted list stays unrestricted. */
    public SubjectAllowlist plus(Collection<String> subjects) {
        if (!restricts()) {
            return this;
        }
        List<String> all = new ArrayList<>(entries);
        all.addAll(subjects);
        return new SubjectAllowlist(all);
    }

    public List<String> entries() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubjectAllowlist that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return restricts() ? "SubjectAllowlist" + entries : "SubjectAllowlist[any]";
    }
}
