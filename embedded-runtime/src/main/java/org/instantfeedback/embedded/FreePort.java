package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port on the loopback interface that the operating system reports free right now. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Asks the OS for a free port. Another process may take it before the caller binds it, so use
     * this only for servers that cannot bind port 0 themselves (like a child process).
     */
    static int find() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available on the loopback interface", e);
        }
    }

    /** Whether {@code port} on the loopback interface can be bound right now. */
    static boolean isFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
