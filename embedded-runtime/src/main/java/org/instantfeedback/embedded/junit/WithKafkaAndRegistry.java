package org.instantfeedback.embedded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running Kafka broker and schema registry: declare a parameter of type
 * {@link org.instantfeedback.embedded.KafkaAndRegistry} in its constructor, a {@code @BeforeAll},
 * {@code @BeforeEach} or test method.
 *
 * <pre>{@code
 * @WithKafkaAndRegistry
 * class FeedbackIngestTest {
 *     @Test
 *     void publishes_feedback(KafkaAndRegistry kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>Each top-level test class gets its own broker (nested classes share their outer class's); the
 * schema registry is shared by all test classes of the JVM, so use unique subjects (topic names).
 * The backend is chosen by {@value TestBackends#VARIABLE} ({@code embedded}, {@code testcontainers}
 * or {@code auto}, the default: Testcontainers when it is on the test class path and Docker is
 * available, otherwise the embedded broker and registry). See {@link KafkaAndRegistryExtension}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaAndRegistryExtension.class)
public @interface WithKafkaAndRegistry {
}
