package org.instantfeedback.embedded.junit;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what runs Kafka and the schema registry for tests, from {@value #VARIABLE} (system
 * property first, then environment variable):
 * <ul>
 *   <li>{@code embedded}: a KRaft broker in the test JVM and Apicurio Registry in a child JVM;</li>
 *   <li>{@code testcontainers}: Docker containers (needs {@code org.testcontainers:testcontainers-kafka}
 *       on the test class path and a Docker engine);</li>
 *   <li>{@code auto} (default): Testcontainers when it is on the test class path and Docker is
 *       available, otherwise embedded. Tests never get skipped for lack of Docker.</li>
 * </ul>
 * Testcontainers classes are only touched, by reflection, once they are known to be present.
 */
public final class TestBackends {

    public static final String VARIABLE = "INSTANT_FEEDBACK_TEST_BACKEND";

    private static final String TESTCONTAINERS_BACKEND = "org.instantfeedback.embedded.containers.TestcontainersBackend";

    private static final Logger log = LoggerFactory.getLogger(TestBackends.class);
    private static final String[] TESTCONTAINERS_CLASSES = {
        "org.testcontainers.DockerClientFactory", "org.testcontainers.kafka.KafkaContainer"};

    /** What runs the broker and registry. */
    public enum Kind { EMBEDDED, TESTCONTAINERS }

    /** A decision and why it was taken. */
    public record Choice(Kind kind, String reason) {
    }

    private TestBackends() {
    }

    /** Decides from {@value #VARIABLE}, the class path and Docker, then starts the chosen backend. */
    static TestBackend startChosen() {
        Choice choice = choose(setting());
        TestBackend backend = choice.kind() == Kind.TESTCONTAINERS ? startTestcontainers() : EmbeddedTestBackend.start();
        log.info("Kafka and schema registry for tests: {} ({})", backend.description(), choice.reason());
        return backend;
    }

    /** Decides from a setting, this class path and, if it comes to that, Docker. */
    public static Choice choose(String setting) {
        return decide(setting, testcontainersOnClassPath(), TestBackends::dockerAvailable);
    }

    /** The decision alone; Docker is asked only when the setting and the class path allow containers. */
    static Choice decide(String setting, boolean testcontainersOnClassPath, BooleanSupplier dockerAvailable) {
        String normalized = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "embedded":
                return new Choice(Kind.EMBEDDED, VARIABLE + "=embedded");
            case "testcontainers":
                if (!testcontainersOnClassPath) {
                    throw new IllegalStateException(VARIABLE + "=testcontainers, but org.testcontainers:testcontainers-kafka"
                            + " is not on the test class path");
                }
                return new Choice(Kind.TESTCONTAINERS, VARIABLE + "=testcontainers");
            case "":
            case "auto":
                if (!testcontainersOnClassPath) {
                    return new Choice(Kind.EMBEDDED, "Testcontainers is not on the test class path");
                }
                return dockerAvailable.getAsBoolean()
                        ? new Choice(Kind.TESTCONTAINERS, "Testcontainers is on the class path and Docker is available")
                        : new Choice(Kind.EMBEDDED, "Docker is not available");
            default:
                throw new IllegalArgumentException(
                        VARIABLE + " must be embedded, testcontainers or auto, but was '" + setting + "'");
        }
    }

    private static String setting() {
        String value = System.getProperty(VARIABLE);
        return value != null ? value : System.getenv(VARIABLE);
    }

    private static boolean testcontainersOnClassPath() {
        ClassLoader loader = TestBackends.class.getClassLoader();
        try {
            for (String name : TESTCONTAINERS_CLASSES) {
                Class.forName(name, false, loader);
            }
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return (Boolean) testcontainersBackendClass().getMethod("dockerAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            log.debug("Could not ask Testcontainers whether Docker is available", e);
            return false;
        }
    }

    private static TestBackend startTestcontainers() {
        try {
            return (TestBackend) testcontainersBackendClass().getMethod("start").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("Could not start the Testcontainers backend", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the Testcontainers backend", e);
        }
    }

    private static Class<?> testcontainersBackendClass() throws ClassNotFoundException {
        return Class.forName(TESTCONTAINERS_BACKEND, true, TestBackends.class.getClassLoader());
    }
}
