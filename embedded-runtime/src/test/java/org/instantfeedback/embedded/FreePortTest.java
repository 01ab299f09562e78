package org.instantfeedback.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.RepeatedTest;

class FreePortTest {

    @RepeatedTest(20)
    void finds_a_bindable_port_outside_the_ranges_the_os_gives_outgoing_connections() throws IOException {
        int port = FreePort.find();

        assertThat(port).isBetween(20_000, 32_767);
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
