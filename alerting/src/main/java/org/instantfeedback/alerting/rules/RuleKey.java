package org.instantfeedback.alerting.rules;

import java.util.Objects;

/**
 * The key of a rules-topic record: {@code default}, {@code group:<id>} or {@code subject:<id>}.
 * A subject's rules come from the default, then its groups (least specific first), then its own
 * override; each level fills only the settings it names.
 */
public record RuleKey(Level level, String id) {
    public static final RuleKey DEFAULT = new RuleKey(Level.DEFAULT, "");
    private static final String SUBJECT_PREFIX = "subject:";
    private static final String GROUP_PREFIX = "group:";

    public enum Level {
        DEFAULT,
        GROUP,
        SUBJECT
    }

    public RuleKey {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(id, "id");
    }

    public static RuleKey subject(String id) {
        return new RuleKey(Level.SUBJECT, id);
    }

    public static RuleKey group(String id) {
        return new RuleKey(Level.GROUP, id);
    }

    /** @throws InvalidRuleException naming the accepted forms when {@code key} is none of them */
    public static RuleKey parse(String key) {
        if (key == null) {
            throw new InvalidRuleException("the record has no key; expected default, group:<id> or subject:<id>");
        }
        if (key.equals("default")) {
            return DEFAULT;
        }
        if (key.startsWith(SUBJECT_PREFIX)) {
            return new RuleKey(Level.SUBJECT, id(key, SUBJECT_PREFIX));
        }
        if (key.startsWith(GROUP_PREFIX)) {
            return new RuleKey(Level.GROUP, id(key, GROUP_PREFIX));
        }
        throw new InvalidRuleException("the key '" + key + "' is not a rule key; expected default, group:<id> or "
                + "subject:<id>");
    }

    private static String id(String key, String prefix) {
        String id = key.substring(prefix.length());
        if (id.isBlank() || !id.strip().equals(id)) {
            throw new InvalidRuleException("the key '" + key + "' needs an id without surrounding spaces after '"
                    + prefix + "'");
        }
        return id;
    }

    @Override
    public String toString() {
        return switch (level) {
            case DEFAULT -> "default";
            case GROUP -> GROUP_PREFIX + id;
            case SUBJECT -> SUBJECT_PREFIX + id;
        };
    }
}
