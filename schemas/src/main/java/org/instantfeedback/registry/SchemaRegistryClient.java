package org.instantfeedback.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that a serde needs. Every method throws
 * {@link SchemaRegistryException} with what the registry said when it refuses.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (or finds it registered already) and returns its id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject. */
    int idOf(String subject, Schema schema);

    /** The schema with this id. */
    Schema schemaById(int id);

    /** The latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** All subjects; cheap, so it also serves as a readiness probe. */
    List<String> subjects();

    /** Opens a client for the settings: an in-memory one for {@code mock://}, else the REST one, cached. */
    static SchemaRegistryClient connect(SchemaRegistrySettings settings) {
        if (settings.isMock()) {
            return MockSchemaRegistry.scope(settings.mockScope());
        }
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(settings), settings.cacheCapacity());
    }

    @Override
    default void close() {
    }
}
