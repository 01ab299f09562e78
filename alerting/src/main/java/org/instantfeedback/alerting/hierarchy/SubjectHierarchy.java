package org.instantfeedback.alerting.hierarchy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which groups each subject belongs to, so metrics and alerts roll up from a route or branch to its
 * depot, region or brand, and rules can be set per group. A subject missing from the file belongs
 * to no group.
 *
 * <p>The file has one subject per line, its groups most specific first:
 * <pre>
 * # subject = groups, most specific first
 * route-42 = depot-north, region-east, brand-citybus
 * route-7  = depot-north, region-east, brand-citybus   # a comment after the groups
 * </pre>
 * Names are free of whitespace and of {@code = , #}. A subject appears on one line only; a line
 * lists at least one group, each once, and not the subject itself.
 */
public final class SubjectHierarchy {
    public static final SubjectHierarchy EMPTY = new SubjectHierarchy(Map.of());

    private final Map<String, List<String>> groupsBySubject;
    private final Map<String, Set<String>> subjectsByGroup;

    private SubjectHierarchy(Map<String, List<String>> groupsBySubject) {
        this.groupsBySubject = Collections.unmodifiableMap(new LinkedHashMap<>(groupsBySubject));
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        groupsBySubject.forEach((subject, groups) -> groups.forEach(
                group -> byGroup.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(subject)));
        byGroup.replaceAll((group, subjects) -> Collections.unmodifiableSet(subjects));
        this.subjectsByGroup = Collections.unmodifiableMap(byGroup);
    }

    /** Reads a hierarchy file's content; {@code source} names it in error messages. */
    public static SubjectHierarchy parse(String source, String content) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = content.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = withoutComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            Entry entry = Entry.parse(line, problem -> new HierarchyFileException(source, number, problem));
            Integer earlier = lineOf.putIfAbsent(entry.subject(), number);
            if (earlier != null) {
                throw new HierarchyFileException(source, number,
                        "subject '" + entry.subject() + "' is already listed on line " + earlier);
            }
            groups.put(entry.subject(), entry.groups());
        }
        return new SubjectHierarchy(groups);
    }

    /** The groups of {@code subject}, most specific first; empty when it belongs to none. */
    public List<String> groupsOf(String subject) {
        return groupsBySubject.getOrDefault(subject, List.of());
    }

    /** The subjects listed in {@code group}; empty for an unknown group. */
    public Set<String> subjectsIn(String group) {
        return subjectsByGroup.getOrDefault(group, Set.of());
    }

    public Set<String> subjects() {
        return groupsBySubject.keySet();
    }

    public Set<String> groups() {
        return subjectsByGroup.keySet();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private interface Failure {
        HierarchyFileException at(String problem);
    }

    private record Entry(String subject, List<String> groups) {
        static Entry parse(String line, Failure fail) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw fail.at("expected 'subject = group, group, ...', found no '=' in '" + line + "'");
            }
            String subject = name(line.substring(0, equals), "the subject", fail);
            String rest = line.substring(equals + 1).strip();
            if (rest.isEmpty()) {
                throw fail.at("subject '" + subject + "' lists no groups (leave a subject without groups out)");
            }
            List<String> groups = new ArrayList<>();
            for (String part : rest.split(",", -1)) {
                String group = name(part, "a group of '" + subject + "'", fail);
                if (group.equals(subject)) {
                    throw fail.at("subject '" + subject + "' cannot be a group of itself");
                }
                if (groups.contains(group)) {
                    throw fail.at("group '" + group + "' is listed twice for '" + subject + "'");
                }
                groups.add(group);
            }
            return new Entry(subject, List.copyOf(groups));
        }

        private static String name(String raw, String what, Failure fail) {
            String name = raw.strip();
            if (name.isEmpty()) {
                throw fail.at(what + " is missing");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isWhitespace(c) || c == '=') {
                    throw fail.at(what + " '" + name + "' must be one name without spaces or '='");
                }
            }
            return name;
        }
    }
}
