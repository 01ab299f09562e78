package org.instantfeedback.embedded.junit;

import java.util.Optional;
import org.instantfeedback.embedded.CloseableKafkaAndRegistry;
import org.instantfeedback.embedded.KafkaAndRegistry;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves parameters of type {@link KafkaAndRegistry} (use {@link WithKafkaAndRegistry}). The
 * broker belongs to the top-level test class and stops when that class is done; the backend, with
 * its schema registry, lives in the root context and stops when the test run ends. A test that
 * stopped the broker does not leave it stopped for the next test: the broker is brought back
 * before each test.
 */
public final class KafkaAndRegistryExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaAndRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaAndRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return forTestClass(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        existingForTestClass(context).ifPresent(KafkaAndRegistry::startBroker);
    }

    /**
     * The broker and registry of the test class {@code context} belongs to, started on first use;
     * for other extensions that build on this one.
     */
    public static KafkaAndRegistry forTestClass(ExtensionContext context) {
        TestBackend backend = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestBackend.class, key -> TestBackends.startChosen(), TestBackend.class);
        return topLevelClass(context).getStore(NAMESPACE).getOrComputeIfAbsent(
                CloseableKafkaAndRegistry.class, key -> backend.startForTestClass(), CloseableKafkaAndRegistry.class);
    }

    private static Optional<CloseableKafkaAndRegistry> existingForTestClass(ExtensionContext context) {
        return Optional.ofNullable(topLevelClass(context).getStore(NAMESPACE)
                .get(CloseableKafkaAndRegistry.class, CloseableKafkaAndRegistry.class));
    }

    /** The context just below the root: the outermost test class, which owns the broker. */
    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
