package org.instantfeedback.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry for {@code TopologyTestDriver} tests, selected with the URL
 * {@code mock://<scope>}. Serializers and deserializers configured with the same scope share it,
 * as with Confluent's mock. The scopes are process-wide by necessity (serdes are created by
 * Kafka from configs, not handed an instance); tests use a unique scope each and may
 * {@link #drop(String)} it.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {
    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<Schema, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of a scope, created on first use. */
    public static MockSchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry());
    }

    /** Forgets a scope and everything registered in it. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, s);
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound(SchemaRegistryException.Kind.SUBJECT_NOT_FOUND, 40401, "subject " + subject + " not found");
        }
        if (id == null || !versions.contains(id)) {
            throw notFound(SchemaRegistryException.Kind.SCHEMA_NOT_FOUND, 40403,
                    "schema not registered under subject " + subject);
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw notFound(SchemaRegistryException.Kind.SCHEMA_NOT_FOUND, 40403, "schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw notFound(SchemaRegistryException.Kind.SUBJECT_NOT_FOUND, 40401, "subject " + subject + " not found");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    private static SchemaRegistryException notFound(SchemaRegistryException.Kind kind, int code, String message) {
        return new SchemaRegistryException(kind, 404, code, "mock schema registry: " + message);
    }
}
