package org.instantfeedback.streams.alerting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.instantfeedback.alerting.Scope;
import org.instantfeedback.alerting.rules.AlertRules;
import org.instantfeedback.alerting.rules.InvalidRuleException;
import org.instantfeedback.alerting.rules.RuleBook;
import org.instantfeedback.streams.state.RecentlyUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force for a subject or group, read from the global store of accepted rule overrides
 * ({@value AlertingTopology#ACCEPTED_RULES_STORE}), which every task of every instance holds in
 * full. Only the levels that concern the key are read (default, its groups, itself), and the rules
 * built from them are kept until one of those overrides changes.
 */
final class AcceptedRules implements AlertRulesSource {
    private static final Logger log = LoggerFactory.getLogger(AcceptedRules.class);
    private static final int CACHED = 1_000;

    private final AlertingOptions options;
    private final ReadOnlyKeyValueStore<String, String> accepted;
    private final Map<List<String>, AlertRules> cache = Collections.synchronizedMap(RecentlyUsed.map(CACHED));

    AcceptedRules(AlertingOptions options, ReadOnlyKeyValueStore<String, String> accepted) {
        this.options = options;
        this.accepted = accepted;
    }

    @Override
    public AlertRules rulesFor(ScopeKey key) {
        List<String> layers = layers(key);
        List<String> overrides = new ArrayList<>(layers.size() * 2 + 1);
        overrides.add(key.toString());
        for (String layer : layers) {
            overrides.add(layer);
            overrides.add(accepted.get(layer));
        }
        return cache.computeIfAbsent(overrides, ignored -> resolve(key, overrides));
    }

    private AlertRules resolve(ScopeKey key, List<String> overrides) {
        RuleBook book = options.ruleBook();
        for (int i = 1; i < overrides.size(); i += 2) {
            String json = overrides.get(i + 1);
            if (json != null) {
                try {
                    book = book.apply(overrides.get(i), json);
                } catch (InvalidRuleException e) {
                    // accepted when it was written; a later change above it made it unfit (see RuleBook)
                    log.warn("Rules for {} leave out the override {}: {}", key, overrides.get(i), e.reason());
                }
            }
        }
        return book.rulesFor(key.scope(), key.id());
    }

    private List<String> layers(ScopeKey key) {
        List<String> layers = new ArrayList<>();
        layers.add("default");
        if (key.scope() == Scope.SUBJECT) {
            List<String> groups = new ArrayList<>(options.hierarchy().groupsOf(key.id()));
            Collections.reverse(groups);
            groups.forEach(group -> layers.add(ScopeKey.group(group).toString()));
        }
        layers.add(key.toString());
        return layers;
    }
}
