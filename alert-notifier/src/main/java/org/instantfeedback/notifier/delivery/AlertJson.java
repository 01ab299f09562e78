package org.instantfeedback.notifier.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.instantfeedback.events.FeedbackAlert;

/**
 * An alert as plain JSON for webhook receivers: the Avro record's own fields and names, timestamps
 * as ISO-8601 text, enums by name, optional fields as null. Built from the schema, so a field added
 * to {@code FeedbackAlert} reaches receivers without a change here.
 */
public final class AlertJson {
    private AlertJson() {
    }

    public static Map<String, Object> of(FeedbackAlert alert) {
        return record(alert);
    }

    private static Map<String, Object> record(SpecificRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.put(field.name(), value(record.get(field.pos())));
        }
        return json;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof SpecificRecord nested) {
            return record(nested);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        return value.toString();
    }
}
