package org.instantfeedback.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * Every event schema of this module ({@code src/main/resources/avro}, found on disk, so a new one
 * cannot be forgotten), held against the version last released ({@code
 * src/test/resources/released-schemas}, see the README there): consumers upgrade after producers,
 * so a current reader must read everything the released writer wrote (backward compatibility, as
 * the registry's BACKWARD mode checks it). Every schema must also follow the rules that keep it
 * evolvable: every field documented, every enum with a default symbol, every optional field
 * defaulting to null.
 */
class SchemaCompatibilityTest {
    private static final Path SOURCES = Path.of("src", "main", "resources", "avro");
    private static final Path RELEASED = Path.of("src", "test", "resources", "released-schemas");

    @Test
    void every_current_schema_reads_what_its_released_version_wrote() throws IOException {
        Map<String, Schema> current = current();
        Map<String, Schema> released = parse(RELEASED);

        assertThat(released).as("released schemas").isNotEmpty();
        released.forEach((name, old) -> {
            assertThat(current).as("released schema " + name + " is still published").containsKey(name);
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current.get(name), old);
            assertThat(result.getType()).as(name + ": " + result.getDescription())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        });
    }

    @Test
    void every_published_schema_has_a_released_version_to_be_held_against() throws IOException {
        assertThat(parse(RELEASED).keySet())
                .as("a new .avsc is released with the change that adds it: copy it to " + RELEASED)
                .containsAll(current().keySet());
    }

    @Test
    void every_field_is_documented_every_enum_has_a_default_and_optional_fields_default_to_null() throws IOException {
        List<String> problems = new ArrayList<>();
        current().values().forEach(schema -> check(schema, schema.getFullName(), problems));

        assertThat(problems).isEmpty();
    }

    @Test
    void a_field_added_without_a_default_is_caught() throws IOException {
        Schema released = parse(RELEASED).get("CsatWindow");
        String careless = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"region\",\"type\":\"string\",\"doc\":\"added without a default\"},");

        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(
                new Schema.Parser().parse(careless), released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
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
                        && (!field.hasDefaultValue() || field.defaultVal() != JsonProperties.NULL_VALUE)) {
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

    /** The schema of each .avsc as the build generated its class: file X.avsc in package p is class p.X. */
    private static Map<String, Schema> current() throws IOException {
        Map<String, Schema> byName = new TreeMap<>();
        for (Path file : avscFiles(SOURCES)) {
            String className = SOURCES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                    .replaceFirst("\\.avsc$", "");
            try {
                Schema schema = SpecificData.get().getSchema(Class.forName(className));
                byName.put(schema.getName(), schema);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(file + " generated no class " + className, e);
            }
        }
        assertThat(byName).as("schemas under " + SOURCES).isNotEmpty();
        return byName;
    }

    /**
     * Parses every .avsc of a folder. A schema may refer to a type another file defines, and one
     * parser must have seen that file first: a file that fails for that reason moves behind the
     * others and the whole set is parsed again, until an order works or none can.
     */
    private static Map<String, Schema> parse(Path folder) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : avscFiles(folder)) {
            texts.put(file.getFileName().toString().replaceFirst("\\.avsc$", ""),
                    Files.readString(file, StandardCharsets.UTF_8));
        }
        List<String> order = new ArrayList<>(texts.keySet());
        AvroRuntimeException last = null;
        for (int attempt = 0; attempt <= order.size() * order.size(); attempt++) {
            Schema.Parser parser = new Schema.Parser();
            Map<String, Schema> parsed = new TreeMap<>();
            try {
                for (String name : order) {
                    parsed.put(name, parser.parse(texts.get(name)));
                }
                return parsed;
            } catch (AvroRuntimeException e) { // AvroTypeException names an undefined type
                last = e;
                order.add(order.remove(parsed.size()));
            }
        }
        throw new AssertionError("the schemas in " + folder + " cannot be parsed in any order", last);
    }

    private static List<Path> avscFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList();
        }
    }
}
