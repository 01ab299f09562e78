package org.instantfeedback.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.handler.ErrorHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolErrorProblemsTest {

    /** Jetty alone writes no error body for these methods; a malformed PUT came back 400 with no content type. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void every_method_gets_a_problem_document_where_jetty_would_write_no_body(String method) {
        assertThat(new ErrorHandler().errorPageForMethod(method)).isFalse();
        assertThat(new ProtocolErrorProblems().errorPageForMethod(method)).isTrue();
    }
}
