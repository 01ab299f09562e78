package org.instantfeedback.ingest.health;

import java.time.Duration;
import java.util.Map;
import org.instantfeedback.registry.SchemaRegistryClient;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.registry.SchemaRegistrySettings;
import org.instantfeedback.service.health.DependencyCheck;

/**
 * The schema registry counts as reachable when it lists its subjects. Without it no event can be
 * written whose schema id is not cached yet, so a fresh instance cannot accept feedback.
 */
public final class SchemaRegistryCheck implements DependencyCheck {
    private final SchemaRegistryClient registry;

    public SchemaRegistryCheck(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** A client of its own whose requests give up after {@code timeout}, so a probe cannot hang. */
    public static SchemaRegistryCheck create(Map<String, Object> serdeSettings, Duration timeout) {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(serdeSettings);
        SchemaRegistrySettings bounded = new SchemaRegistrySettings(settings.urls(), settings.authorization(),
                settings.autoRegisterSchemas(), settings.useLatestVersion(), timeout, settings.cacheCapacity());
        return new SchemaRegistryCheck(SchemaRegistryClient.connect(bounded));
    }

    @Override
    public String name() {
        return "schemaRegistry";
    }

    @Override
    public boolean isReachable(Duration timeout) {
        try {
            registry.subjects();
            return true;
        } catch (SchemaRegistryException e) {
            return false;
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
