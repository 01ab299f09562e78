package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds distribution-shaped directories and runner jars for tests, around test programs. */
final class FakeDistribution {

    private FakeDistribution() {
    }

    /** A distribution whose runner jar starts {@code mainClass} from this module's test classes. */
    static ApicurioDistribution running(Class<?> mainClass, Path home) throws Exception {
        Files.createDirectories(home);
        writeRunnerJar(home.resolve("fake-runner.jar"), mainClass.getName(),
                WatchdogTestClassPath.testClasses().toUri().toString());
        return ApicurioDistribution.at(home);
    }

    /** A runner jar whose manifest names the main class and, optionally, a Class-Path. */
    static void writeRunnerJar(Path jar, String mainClass, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(jar)) {
            // The manifest is all these jars need.
            new JarOutputStream(out, manifest).finish();
        }
    }
}
