package org.instantfeedback.alerting.rules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of one kind's rule by JSON name, read back as typed values when the rule record is built. */
record RuleSettings(Map<String, Object> values) {

    static RuleSettings of(List<RuleField> fields, Object... values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i).name(), values[i]);
        }
        return new RuleSettings(map);
    }

    boolean toggle(RuleField field) {
        return (Boolean) values.get(field.name());
    }

    Duration duration(RuleField field) {
        return (Duration) values.get(field.name());
    }

    double number(RuleField field) {
        return (Double) values.get(field.name());
    }

    int count(RuleField field) {
        return (Integer) values.get(field.name());
    }
}
