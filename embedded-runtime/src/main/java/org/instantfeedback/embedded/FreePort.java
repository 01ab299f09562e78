package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A port on the loopback interface that the operating system reports free right now. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Below every common range of ephemeral ports (Linux hands out 32768-60999, macOS and Windows
     * 49152-65535): a port the OS gives to outgoing connections can be taken by a client between
     * the probe and the bind, which made a fixed-port broker fail to start now and then.
     */
    private static final int LOWEST = 20_000;
    private static final int PAST_HIGHEST = 32_768;
    private static final int ATTEMPTS = 50;

    /**
     * A port that is free now, chosen at random outside the ephemeral ranges. Another process may
     * still take it before the caller binds it, so use this only for servers that cannot bind
     * port 0 themselves (like a child process, or a broker asked to keep its port across restarts).
     */
    static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, PAST_HIGHEST);
            if (isFree(port)) {
                return port;
            }
        }
        return anyFree();
    }

    private static int anyFree() {
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
