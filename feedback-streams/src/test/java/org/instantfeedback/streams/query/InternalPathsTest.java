package org.instantfeedback.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InternalPathsTest {
    @Test
    void the_message_ids_an_instance_is_asked_for_arrive_whole_even_with_commas_and_spaces_in_them() {
        Set<String> ids = Set.of("twilio:SM1", "client key, with comma", "a&b=c");

        URI asked = URI.create("http://peer:7070" + InternalPaths.conversationsHolding(Set.of(3, 1), ids));
        String messages = asked.getRawQuery().replaceFirst(".*&messages=", "");

        assertThat(asked.getPath()).isEqualTo(InternalPaths.CONVERSATIONS);
        assertThat(asked.getRawQuery()).startsWith("partitions=1,3&messages=");
        assertThat(InternalPaths.messageIds(URLDecoder.decode(messages, StandardCharsets.UTF_8)))
                .as("as the server reads the parameter: decoded once, then split")
                .containsExactlyInAnyOrderElementsOf(ids);
    }
}
