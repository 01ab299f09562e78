package org.instantfeedback.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.instantfeedback.embedded.junit.TestBackends.Choice;
import org.instantfeedback.embedded.junit.TestBackends.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;

class TestBackendsTest {

    @Test
    void auto_uses_testcontainers_when_present_and_docker_answers() {
        assertThat(TestBackends.decide("auto", true, () -> true).kind()).isEqualTo(Kind.TESTCONTAINERS);
        assertThat(TestBackends.decide(null, true, () -> true).kind()).isEqualTo(Kind.TESTCONTAINERS);
    }

    @Test
    void auto_falls_back_to_embedded_without_docker_instead_of_skipping() {
        Choice choice = TestBackends.decide("auto", true, () -> false);

        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(choice.reason()).contains("Docker is not available");
    }

    @Test
    void auto_does_not_ask_docker_when_testcontainers_is_missing() {
        AtomicBoolean asked = new AtomicBoolean();

        Choice choice = TestBackends.decide(" AUTO ", false, () -> asked.getAndSet(true));

        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(asked).isFalse();
    }

    @Test
    void embedded_is_used_when_asked_for_even_with_docker() {
        assertThat(TestBackends.decide("embedded", true, () -> true).kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void testcontainers_without_testcontainers_on_the_class_path_is_an_error() {
        assertThatThrownBy(() -> TestBackends.decide("testcontainers", false, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TestBackends.VARIABLE);
    }

    @Test
    void an_unknown_backend_names_the_variable_and_the_choices() {
        assertThatThrownBy(() -> TestBackends.decide("docker", true, () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TestBackends.VARIABLE)
                .hasMessageContaining("embedded, testcontainers or auto");
    }

    @Test
    void choosing_works_on_a_class_path_without_testcontainers() throws Exception {
        URL[] withoutTestcontainers = {
            locationOf(TestBackends.class), locationOf(Logger.class), locationOf(ExtensionContext.class)};
        try (URLClassLoader loader = new URLClassLoader(withoutTestcontainers, ClassLoader.getPlatformClassLoader())) {
            Class<?> backends = Class.forName(TestBackends.class.getName(), true, loader);

            Object choice = backends.getMethod("choose", String.class).invoke(null, "auto");

            assertThat(choice.toString()).contains("EMBEDDED").contains("not on the test class path");
        }
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
