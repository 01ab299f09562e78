package org.instantfeedback.streams.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.instantfeedback.events.Channel;
import org.instantfeedback.events.CsatWindow;
import org.instantfeedback.events.FeedbackAlert;
import org.instantfeedback.events.FeedbackAlertHandling;
import org.instantfeedback.events.FeedbackMetrics;
import org.instantfeedback.events.FeedbackReceived;
import org.instantfeedback.events.FeedbackScored;
import org.instantfeedback.events.Rating;
import org.instantfeedback.events.RatingScale;
import org.instantfeedback.events.SubjectScope;
import org.junit.jupiter.api.Test;

/**
 * Every event schema the pipeline reads or writes, held against the version last released
 * (src/test/resources/released-schemas): consumers upgrade after producers, so a current reader
 * must read everything the released writer wrote (backward compatibility, as the registry's
 * BACKWARD mode checks it). Schemas new since then have no released version yet, but must already
 * follow the rules that keep them evolvable: every field documented, every enum with a default
 * symbol, every optional field defaulting to null.
 */
class SchemaCompatibilityTest {
    /** Released schemas in dependency order, so later ones can refer to earlier ones by name. */
    private static final List<String> RELEASED = List.of("Channel", "RatingScale", "Rating", "FeedbackReceived",
            "FeedbackScored", "CsatWindow");

    private static final Map<String, Schema> CURRENT = current(Channel.getClassSchema(),
            RatingScale.getClassSchema(), Rating.getClassSchema(), FeedbackReceived.getClassSchema(),
            FeedbackScored.getClassSchema(), CsatWindow.getClassSchema(), SubjectScope.getClassSchema(),
            FeedbackMetrics.getClassSchema(), FeedbackAlert.getClassSchema(), FeedbackAlertHandling.getClassSchema());

    @Test
    void every_current_schema_reads_what_its_released_version_wrote() throws IOException {
        Map<String, Schema> released = released();

        assertThat(released).hasSize(RELEASED.size());
        released.forEach((name, old) -> {
            assertThat(CURRENT).as("released schema " + name + " is still published").containsKey(name);
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(CURRENT.get(name), old);
            assertThat(result.getType()).as(name + ": " + result.getDescription())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        });
    }

    @Test
    void every_field_is_documented_every_enum_has_a_default_and_optional_fields_default_to_null() {
        List<String> problems = new ArrayList<>();
        CURRENT.values().forEach(schema -> check(schema, schema.getFullName(), problems));

        assertThat(problems).isEmpty();
    }

    private static void check(Schema schema, String path, List<String> problems) {
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field -> {
                String at = path + "." + field.name();
                if (field.doc() == null || field.doc().isBlank()) {
                    problems.add(at + " has no doc");
                }
                Schema type = field.schema();
                if (type.isUnion() && type.getTypes().get(0).getType() == Schema.Type.NULL
                        && (!field.hasDefaultValue() || field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE)) {
                    problems.add(at + " is optional but does not default to null");
                }
                check(type, at, problems);
            });
            case ENUM -> {
                if (schema.getEnumDefault() == null) {
                    problems.add(path + " (enum " + schema.getFullName() + ") has no default symbol");
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> check(branch, path, problems));
            case ARRAY -> check(schema.getElementType(), path + "[]", problems);
            case MAP -> check(schema.getValueType(), path + "{}", problems);
            default -> {
                // primitives carry nothing to check
            }
        }
    }

    private static Map<String, Schema> current(Schema... schemas) {
        Map<String, Schema> byName = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            byName.put(schema.getName(), schema);
        }
        return byName;
    }

    private static Map<String, Schema> released() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> byName = new LinkedHashMap<>();
        for (String name : RELEASED) {
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/released-schemas/" + name + ".avsc")) {
                assertThat(in).as("released schema " + name).isNotNull();
                byName.put(name, parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return byName;
    }
}
