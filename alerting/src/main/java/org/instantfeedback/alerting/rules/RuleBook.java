package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.hierarchy.SubjectHierarchy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every rule in force: the configured defaults, and the overrides the rules topic has set for the
 * default, for groups and for subjects. A subject's rules are the defaults, then the {@code default}
 * override, then its groups' overrides from least to most specific, then its own; a group's rules
 * stop at its own override. Each level changes only the settings it names.
 *
 * <p>Immutable: {@link #apply(String, String)} returns a new book, so a rule that is rejected
 * leaves the previous one in force. A rule is rejected when it is invalid on its own, or when it
 * would make the rules of its own entity, or of an entity below it, inconsistent (a group raising a
 * threshold above a subject's clear level). Removing an override (a tombstone) is always accepted;
 * should it leave a lower override inconsistent, that override's settings for the kind are
 * ignored, with a warning, until fixed.
 */
public final class RuleBook {
    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    /** The windows the pipeline computes unless configured otherwise. */
    public static final Set<Duration> DEFAULT_WINDOWS = Set.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(24));

    private final AlertRules defaults;
    private final SubjectHierarchy hierarchy;
    private final RuleOverrideParser parser;
    private final Map<RuleKey, RuleOverride> overrides;
    private final ConcurrentMap<RuleKey, AlertRules> resolved = new ConcurrentHashMap<>();

    private RuleBook(AlertRules defaults, SubjectHierarchy hierarchy, RuleOverrideParser parser,
                     Map<RuleKey, RuleOverride> overrides) {
        this.defaults = defaults;
        this.hierarchy = hierarchy;
        this.parser = parser;
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * A book with no overrides yet.
     *
     * @param windows the windows the pipeline computes
     * @throws InvalidRuleException when a default rule judges a window not in {@code windows}
     */
    public static RuleBook of(AlertRules defaults, SubjectHierarchy hierarchy, Set<Duration> windows) {
        RuleOverrideParser parser = new RuleOverrideParser(windows);
        parser.checkWindows(defaults);
        return new RuleBook(Objects.requireNonNull(defaults), Objects.requireNonNull(hierarchy), parser, Map.of());
    }

    /**
     * The book with one rules-topic record applied.
     *
     * @param key  the record key: {@code default}, {@code group:<id>} or {@code subject:<id>}
     * @param json the record value, or null for a tombstone, which removes the override
     * @throws InvalidRuleException with every reason, when the record cannot be applied
     */
    public RuleBook apply(String key, String json) {
        RuleKey ruleKey = RuleKey.parse(key);
        Map<RuleKey, RuleOverride> changed = new LinkedHashMap<>(overrides);
        if (json == null) {
            changed.remove(ruleKey);
            return new RuleBook(defaults, hierarchy, parser, changed);
        }
        changed.put(ruleKey, parser.parse(json));
        RuleBook candidate = new RuleBook(defaults, hierarchy, parser, changed);
        candidate.checkConsistent(ruleKey, this);
        return candidate;
    }

    public AlertRules rulesFor(Scope scope, String id) {
        return rulesFor(scope == Scope.GROUP ? RuleKey.group(id) : RuleKey.subject(id));
    }

    public AlertRules rulesForSubject(String subject) {
        return rulesFor(RuleKey.subject(subject));
    }

    public AlertRules rulesForGroup(String group) {
        return rulesFor(RuleKey.group(group));
    }

    /** The overrides in force, by key. */
    public Map<RuleKey, RuleOverride> overrides() {
        return overrides;
    }

    private AlertRules rulesFor(RuleKey entity) {
        return resolved.computeIfAbsent(entity, key -> {
            Resolution resolution = resolve(key);
            resolution.ignored().forEach(ignored -> log.warn("Rules for {} ignore the {} settings of {}: {}",
                    key, ignored.kind().id(), ignored.layer(), String.join("; ", ignored.reasons())));
            return resolution.rules();
        });
    }

    /** One level's settings for one kind that do not fit the levels above it. */
    private record Ignored(RuleKey layer, AlertKind kind, List<String> reasons) {
        List<Object> spot() {
            return List.of(layer, kind);
        }
    }

    private record Resolution(AlertRules rules, List<Ignored> ignored) {
    }

    private Resolution resolve(RuleKey entity) {
        AlertRules rules = defaults;
        List<Ignored> ignored = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            KindRule rule = rules.forKind(kind);
            for (RuleKey layer : layers(entity)) {
                Map<String, Object> changes = overrides.getOrDefault(layer, RuleOverride.NONE).changesFor(kind);
                try {
                    rule = rule.withSettings(changes);
                } catch (InvalidRuleException e) {
                    ignored.add(new Ignored(layer, kind, e.reasons()));
                }
            }
            rules = rules.with(rule);
        }
        return new Resolution(rules, ignored);
    }

    private List<RuleKey> layers(RuleKey entity) {
        List<RuleKey> layers = new ArrayList<>();
        layers.add(RuleKey.DEFAULT);
        if (entity.level() == RuleKey.Level.SUBJECT) {
            List<String> groups = new ArrayList<>(hierarchy.groupsOf(entity.id()));
            Collections.reverse(groups);
            groups.forEach(group -> layers.add(RuleKey.group(group)));
        }
        if (entity.level() != RuleKey.Level.DEFAULT) {
            layers.add(entity);
        }
        return layers;
    }

    private void checkConsistent(RuleKey changed, RuleBook before) {
        List<String> own = new ArrayList<>();
        resolve(changed).ignored().stream().filter(i -> i.layer().equals(changed)).forEach(i -> own.addAll(i.reasons()));
        if (!own.isEmpty()) {
            throw new InvalidRuleException(own);
        }
        for (RuleKey entity : affectedBy(changed)) {
            Set<List<Object>> ignoredBefore = new HashSet<>();
            before.resolve(entity).ignored().forEach(ignored -> ignoredBefore.add(ignored.spot()));
            List<Ignored> broken = resolve(entity).ignored().stream()
                    .filter(ignored -> !ignoredBefore.contains(ignored.spot()))
                    .toList();
            if (!broken.isEmpty()) {
                Ignored first = broken.get(0);
                String forWhom = first.layer().equals(entity) ? "" : " for " + entity;
                throw new InvalidRuleException("with this rule the " + first.kind().id() + " settings of "
                        + first.layer() + " would no longer fit" + forWhom + ": " + String.join("; ", first.reasons()));
            }
        }
    }

    private Set<RuleKey> affectedBy(RuleKey changed) {
        Set<RuleKey> affected = new LinkedHashSet<>();
        switch (changed.level()) {
            case DEFAULT -> {
                affected.addAll(overrides.keySet());
                hierarchy.subjects().forEach(subject -> affected.add(RuleKey.subject(subject)));
            }
            case GROUP -> hierarchy.subjectsIn(changed.id()).forEach(subject -> affected.add(RuleKey.subject(subject)));
            case SUBJECT -> {
                // a subject's override is the last level; nothing below it
            }
        }
        affected.remove(changed);
        return affected;
    }
}
