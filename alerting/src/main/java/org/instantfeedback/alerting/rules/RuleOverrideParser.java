package org.instantfeedback.alerting.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.instantfeedback.alerting.AlertKind;

/**
 * Reads the value of a rules-topic record: a JSON object with one member per alert kind, each an
 * object with the settings to change, for example
 * <pre>{"negative-surge": {"openSharePercent": 30, "minSenders": 3}, "urgent-report": {"enabled": false}}</pre>
 * Every problem is reported at once, with the path of the setting and what would be accepted.
 */
public final class RuleOverrideParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Set<Duration> windows;

    /** @param windows the windows the pipeline computes; a rule can only judge one of these */
    public RuleOverrideParser(Set<Duration> windows) {
        this.windows = Set.copyOf(windows);
    }

    /** @throws InvalidRuleException with every problem found */
    public RuleOverride parse(String json) {
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new InvalidRuleException("a rule must be a JSON object with one member per alert kind ("
                    + AlertKind.allIds() + "), was " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<String> problems = new ArrayList<>();
        Map<AlertKind, Map<String, Object>> changes = new EnumMap<>(AlertKind.class);
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            Optional<AlertKind> kind = AlertKind.fromId(member.getKey());
            if (kind.isEmpty()) {
                problems.add("'" + member.getKey() + "' is not an alert kind; expected one of " + AlertKind.allIds());
            } else {
                changes.put(kind.get(), settings(kind.get(), member.getValue(), problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new RuleOverride(changes);
    }

    /** @throws InvalidRuleException when a rule judges a window the pipeline does not compute */
    public void checkWindows(AlertRules rules) {
        List<String> problems = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            RuleCatalog.window(rules.forKind(kind)).ifPresent(window -> checkWindow(kind, window, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
    }

    private Map<String, Object> settings(AlertKind kind, JsonNode node, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(kind.id() + " must be an object of settings, was " + node);
            return values;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String path = kind.id() + "." + member.getKey();
            Optional<RuleField> field = RuleCatalog.field(kind, member.getKey());
            if (field.isEmpty()) {
                problems.add(path + " is not a setting of " + kind.id() + "; expected one of " + names(kind));
                continue;
            }
            field.get().read(member.getValue(), path, problems).ifPresent(value -> {
                if (field.get().type() == RuleFieldType.WINDOW) {
                    checkWindow(kind, (Duration) value, problems);
                }
                values.put(field.get().name(), value);
            });
        }
        return values;
    }

    private void checkWindow(AlertKind kind, Duration window, List<String> problems) {
        if (!windows.contains(window)) {
            problems.add(kind.id() + ".window " + window + " is not a window the pipeline computes; expected one of "
                    + new TreeSet<>(windows).stream().map(Duration::toString).collect(Collectors.joining(", ")));
        }
    }

    private static String names(AlertKind kind) {
        return RuleCatalog.fields(kind).stream().map(RuleField::name).collect(Collectors.joining(", "));
    }

    private static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRuleException("the rule is empty; send a JSON object, or a tombstone to remove the rule");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException("the rule is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
