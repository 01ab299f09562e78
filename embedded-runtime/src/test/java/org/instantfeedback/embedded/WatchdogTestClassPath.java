package org.instantfeedback.embedded;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the watchdog test programs live, so that child JVMs can run them. */
final class WatchdogTestClassPath {

    private WatchdogTestClassPath() {
    }

    static Path testClasses() throws URISyntaxException {
        return Path.of(BlocksForever.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
