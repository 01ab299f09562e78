package org.instantfeedback.notifier.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.instantfeedback.events.FeedbackAlertEventType;
import org.instantfeedback.events.FeedbackAlertSeverity;

/**
 * Reads the routes file: {@code {"targets": [{name, type, url, secret, subjects, groups, events,
 * minSeverity}, ...]}}. {@code url} and {@code secret} may hold {@code ${VARIABLE}} references,
 * filled from the environment, so the file can be kept in version control without its secrets.
 * Unknown fields are mistakes (a misspelt {@code subjets} would otherwise route everything), and
 * every mistake names the entry.
 */
public final class RoutesFile {
    static final Set<String> FIELDS = Set.of("name", "type", "url", "secret", "subjects", "groups", "events",
            "minSeverity");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RoutesFile() {
    }

    /**
     * The targets of the file.
     *
     * @param env where {@code ${VARIABLE}} references are looked up
     * @throws InvalidRoutesException naming the entry and the mistake
     */
    public static List<Target> parse(String text, Map<String, String> env) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRoutesException("not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            throw new InvalidRoutesException("must be a JSON object with a \"targets\" list");
        }
        JsonNode entries = root.get("targets");
        if (entries.isEmpty()) {
            throw new InvalidRoutesException("\"targets\" is empty: list at least one target");
        }
        List<Target> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Target target = target(entries.get(i), i, env);
            if (!names.add(target.name())) {
                throw new InvalidRoutesException(entry(i, target.name()) + ": another target has the same name");
            }
            targets.add(target);
        }
        return List.copyOf(targets);
    }

    private static Target target(JsonNode node, int index, Map<String, String> env) {
        if (!node.isObject()) {
            throw new InvalidRoutesException(entry(index, null) + ": must be a JSON object");
        }
        String name = node.path("name").isTextual() ? node.get("name").asText() : null;
        String where = entry(index, name);
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidRoutesException(where + ": unknown field \"" + field + "\" (known: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRoutesException(where + ": \"name\" must be 1-64 letters, digits, '-' or '_'");
        }
        TargetType type = type(node, where);
        URI url = url(text(node, "url", where, env), where);
        String secret = node.has("secret") ? text(node, "secret", where, env) : null;
        if (type == TargetType.WEBHOOK && (secret == null || secret.length() < 16)) {
            throw new InvalidRoutesException(where + ": a webhook target needs a \"secret\" of 16 or more characters"
                    + " to sign with (use \"${VARIABLE}\" to keep it out of the file)");
        }
        if (type == TargetType.SLACK && secret != null) {
            throw new InvalidRoutesException(where + ": \"secret\" is only for webhook targets; a Slack webhook URL"
                    + " is its own secret");
        }
        return new Target(name, type, url, secret, globs(node, "subjects", where), globs(node, "groups", where),
                eventTypes(node, where), minSeverity(node, where));
    }

    private static TargetType type(JsonNode node, String where) {
        String value = node.path("type").asText("");
        for (TargetType type : TargetType.values()) {
            if (type.fileName().equals(value)) {
                return type;
            }
        }
        throw new InvalidRoutesException(where + ": \"type\" must be \"slack\" or \"webhook\", was \"" + value + "\"");
    }

    private static URI url(String value, String where) {
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRoutesException(where + ": \"url\" must be an absolute http or https URL");
    }

    private static String text(JsonNode node, String field, String where, Map<String, String> env) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRoutesException(where + ": \"" + field + "\" must be a non-empty string");
        }
        Matcher references = REFERENCE.matcher(value.asText());
        StringBuilder resolved = new StringBuilder();
        while (references.find()) {
            String variable = references.group(1);
            String replacement = env.get(variable);
            if (replacement == null || replacement.isBlank()) {
                throw new InvalidRoutesException(where + ": \"" + field + "\" refers to ${" + variable
                        + "}, which is not set");
            }
            references.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        references.appendTail(resolved);
        return resolved.toString();
    }

    private static List<Glob> globs(JsonNode node, String field, String where) {
        List<Glob> globs = new ArrayList<>();
        for (String value : strings(node, field, where)) {
            globs.add(Glob.of(value));
        }
        return globs;
    }

    private static Set<FeedbackAlertEventType> eventTypes(JsonNode node, String where) {
        if (!node.has("events")) {
            return Target.DEFAULT_EVENT_TYPES;
        }
        Set<FeedbackAlertEventType> types = EnumSet.noneOf(FeedbackAlertEventType.class);
        for (String value : strings(node, "events", where)) {
            try {
                FeedbackAlertEventType type = FeedbackAlertEventType.valueOf(value.toUpperCase(Locale.ROOT));
                if (type == FeedbackAlertEventType.UNKNOWN) {
                    throw new IllegalArgumentException(value);
                }
                types.add(type);
            } catch (IllegalArgumentException e) {
                throw new InvalidRoutesException(where + ": \"events\" lists \"" + value + "\"; known are OPENED,"
                        + " ESCALATED, UPDATED, ACKNOWLEDGED, RESOLVED");
            }
        }
        if (types.isEmpty()) {
            throw new InvalidRoutesException(where + ": \"events\" is empty, so the target would get nothing");
        }
        return types;
    }

    private static FeedbackAlertSeverity minSeverity(JsonNode node, String where) {
        String value = node.path("minSeverity").asText("WARNING").toUpperCase(Locale.ROOT);
        if (value.equals("WARNING")) {
            return FeedbackAlertSeverity.WARNING;
        }
        if (value.equals("CRITICAL")) {
            return FeedbackAlertSeverity.CRITICAL;
        }
        throw new InvalidRoutesException(where + ": \"minSeverity\" must be WARNING or CRITICAL, was \"" + value + "\"");
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isTextual() && !item.asText().isBlank()) {
                    strings.add(item.asText().strip());
                    continue;
                }
                throw new InvalidRoutesException(where + ": \"" + field + "\" must be a list of non-empty strings");
            }
            return strings;
        }
        throw new InvalidRoutesException(where + ": \"" + field + "\" must be a list of strings");
    }

    private static String entry(int index, String name) {
        return "target " + (index + 1) + (name == null ? "" : " (\"" + name + "\")");
    }
}
