package org.instantfeedback.streams.config;

import java.util.Map;
import org.instantfeedback.registry.SchemaRegistryClient;
import org.instantfeedback.registry.SchemaRegistryException;
import org.instantfeedback.registry.SchemaRegistrySettings;

/**
 * Asks the schema registry for its subjects before feedback-streams starts. Without the registry
 * the topology can read no event, so starting anyway would only look healthy while doing nothing;
 * failing at once with the URL says what to fix. Once running, the serdes' caches carry the app
 * through a registry outage.
 */
public final class RegistryStartupCheck {
    private RegistryStartupCheck() {
    }

    /**
     * @throws RegistryUnavailableException when the registry cannot be reached or refuses the
     *                                      credentials
     */
    public static void requireReachable(Map<String, Object> registrySettings) {
        SchemaRegistrySettings settings = SchemaRegistrySettings.from(registrySettings);
        try (SchemaRegistryClient registry = SchemaRegistryClient.connect(settings)) {
            registry.subjects();
        } catch (SchemaRegistryException e) {
            throw new RegistryUnavailableException("the schema registry at "
                    + SchemaRegistrySettings.printable(String.valueOf(registrySettings.get(SchemaRegistrySettings.URL)))
                    + " did not answer as it should (" + e.getMessage() + "); check SCHEMA_REGISTRY_URL and"
                    + " SCHEMA_REGISTRY_* credentials, and that the registry is up", e);
        }
    }

    /** The registry feedback-streams needs is not there; the message says where it was looked for. */
    public static final class RegistryUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
