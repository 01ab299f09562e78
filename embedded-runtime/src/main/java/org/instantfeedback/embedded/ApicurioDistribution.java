package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unpacked Apicurio Registry distribution the embedded schema registry runs. Maven fetches the
 * distribution zip into the local repository as a dependency of this module; the first use unpacks
 * it into a per-user cache, later uses (in any JVM) reuse that. Nothing is downloaded at run time.
 * {@value #HOME_VARIABLE} (system property or environment variable) may point to an already
 * unpacked distribution instead.
 */
final class ApicurioDistribution {

    private static final String HOME_VARIABLE = "APICURIO_REGISTRY_HOME";

    private static final Logger log = LoggerFactory.getLogger(ApicurioDistribution.class);
    private static final String BUILD_PROPERTIES = "embedded-runtime.properties";
    private static final String ARTIFACT = "apicurio-registry-app";

    private final Path home;
    private final Path runnerJar;
    private final String mainClass;

    private ApicurioDistribution(Path home, Path runnerJar, String mainClass) {
        this.home = home;
        this.runnerJar = runnerJar;
        this.mainClass = mainClass;
    }

    /** Finds the distribution, unpacking it into the cache on first use. */
    static ApicurioDistribution locate() {
        Optional<Path> configuredHome = configuredHome();
        if (configuredHome.isPresent()) {
            return at(configuredHome.get());
        }
        Properties build = buildProperties();
        String version = build.getProperty("apicurio.version");
        Path zip = distributionZip(version, build);
        return at(unpackOnce(zip, cacheDirectory(version)));
    }

    /** The distribution unpacked in {@code home}. */
    static ApicurioDistribution at(Path home) {
        Path runner = runnerJarIn(home);
        return new ApicurioDistribution(home, runner, mainClassOf(runner));
    }

    Path home() {
        return home;
    }

    /** The Quarkus runner jar; its manifest puts {@code lib/*} on the class path. */
    Path runnerJar() {
        return runnerJar;
    }

    String mainClass() {
        return mainClass;
    }

    private static Optional<Path> configuredHome() {
        String home = System.getProperty(HOME_VARIABLE, System.getenv(HOME_VARIABLE));
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home.strip()));
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = ApicurioDistribution.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_PROPERTIES + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILD_PROPERTIES, e);
        }
        String version = properties.getProperty("apicurio.version", "");
        if (version.isBlank() || version.contains("${")) {
            throw new IllegalStateException(BUILD_PROPERTIES + " was not filtered by Maven; build embedded-runtime with"
                    + " ./mvnw, or set " + HOME_VARIABLE + " to an unpacked Apicurio Registry distribution");
        }
        return properties;
    }

    private static Path distributionZip(String version, Properties build) {
        String relative = String.join("/", "io", "apicurio", ARTIFACT, version, ARTIFACT + "-" + version + "-all.zip");
        List<Path> candidates = localRepositories(build).stream().map(repository -> repository.resolve(relative)).toList();
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "The Apicurio Registry " + version + " distribution is not in the local Maven repository (looked for "
                        + candidates + "). Run `./mvnw -DskipTests install` once while online: Maven fetches"
                        + " io.apicurio:" + ARTIFACT + ":" + version + ":zip:all as a dependency of embedded-runtime."
                        + " Or set " + HOME_VARIABLE + " to an unpacked distribution."));
    }

    private static List<Path> localRepositories(Properties build) {
        List<Path> repositories = new ArrayList<>();
        String fromBuild = build.getProperty("build.local.repository", "");
        if (!fromBuild.isBlank() && !fromBuild.contains("${")) {
            repositories.add(Path.of(fromBuild));
        }
        String fromProperty = System.getProperty("maven.repo.local", "");
        if (!fromProperty.isBlank()) {
            repositories.add(Path.of(fromProperty));
        }
        repositories.add(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        return repositories;
    }

    private static Path cacheDirectory(String version) {
        return Path.of(System.getProperty("user.home"), ".cache", "instant-feedback", "apicurio-registry-" + version);
    }

    /**
     * Unpacks into a private staging directory next to the target and renames it into place, so
     * that the target, once it exists, is always complete, even when several JVMs race.
     */
    static Path unpackOnce(Path zip, Path target) {
        if (Files.isDirectory(target)) {
            return target;
        }
        long startedAt = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            unzip(zip, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked {} into {} in {} ms", zip.getFileName(), target,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException("Cannot unpack " + zip + " into " + target, e);
            }
            log.debug("Another process unpacked {} first; using its copy", target);
        } finally {
            deleteRecursively(staging);
        }
        return target;
    }

    private static void unzip(Path zip, Path destination) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path path = destination.resolve(entry.getName()).normalize();
                if (!path.startsWith(destination)) {
                    throw new IOException("Archive entry " + entry.getName() + " points outside " + destination);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                }
            }
        }
    }

    private static Path runnerJarIn(Path home) {
        try (Stream<Path> files = Files.list(home)) {
            List<Path> runners = files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).toList();
            if (runners.size() != 1) {
                throw new IllegalStateException("Expected one *-runner.jar in the Apicurio Registry distribution at "
                        + home + " but found " + runners + "; delete that directory to have it unpacked again");
            }
            return runners.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Apicurio Registry distribution at " + home, e);
        }
    }

    private static String mainClassOf(Path runnerJar) {
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            String mainClass = jar.getManifest() == null
                    ? null
                    : jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (mainClass == null || mainClass.isBlank()) {
                throw new IllegalStateException(runnerJar + " names no Main-Class in its manifest");
            }
            return mainClass.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + runnerJar, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}", root, e);
        }
    }
}
