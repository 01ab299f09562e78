package org.instantfeedback.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers ids and schemas in both directions, so a serde asks the registry once per schema and
 * keeps working from what it learnt while the registry is briefly away. Ids are immutable in the
 * Confluent protocol, which is what makes caching them safe.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final int capacity;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    CachingSchemaRegistryClient(SchemaRegistryClient delegate, int capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(bounded(new SubjectSchema(subject, schema)), key -> {
            int id = delegate.register(subject, schema);
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(bounded(new SubjectSchema(subject, schema)), key -> {
            int id = delegate.idOf(subject, schema);
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        if (schemasById.size() >= capacity && !schemasById.containsKey(id)) {
            schemasById.clear();
        }
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return delegate.latest(subject);
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }

    /** A runaway producer of schema variants must not grow the cache without bound. */
    private SubjectSchema bounded(SubjectSchema key) {
        if (idsBySubjectSchema.size() >= capacity && !idsBySubjectSchema.containsKey(key)) {
            idsBySubjectSchema.clear();
        }
        return key;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
