package org.instantfeedback.embedded.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chromium (or Chrome) and the chromedriver the browser tests drive, found on this machine
 * rather than assumed at one path, so that Selenium Manager never downloads anything.
 *
 * <p>The browser is {@value #BROWSER_VARIABLE} when it is set, otherwise the first of {@link
 * #BROWSER_NAMES} on the {@code PATH}; the driver is {@value #DRIVER_VARIABLE} or the system
 * property {@value #DRIVER_PROPERTY} when set, otherwise {@code chromedriver} on the {@code PATH}.
 * When either is missing, {@link #find()} throws with a message that says how to install one: a
 * browser test fails on such a machine, it is never skipped.
 */
public record ChromeInstallation(Path browser, Path driver) {
    public static final String BROWSER_VARIABLE = "CHROME_BIN";
    public static final String DRIVER_VARIABLE = "CHROMEDRIVER";
    private static final String DRIVER_PROPERTY = "webdriver.chrome.driver";
    /** Debian, Ubuntu and Google's packages, in that order. */
    private static final List<String> BROWSER_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final String DRIVER_NAME = "chromedriver";

    static final String HOW_TO_INSTALL = "Install them with 'apt-get install chromium chromium-driver'"
            + " on Debian/Ubuntu, or set " + BROWSER_VARIABLE + " to a Chromium or Chrome and "
            + DRIVER_VARIABLE + " to its chromedriver.";

    /** The installation this process's environment and system properties point to. */
    public static ChromeInstallation find() {
        return find(System.getenv(), System.getProperty(DRIVER_PROPERTY));
    }

    /**
     * The installation {@code environment} points to ({@value #BROWSER_VARIABLE}, {@value
     * #DRIVER_VARIABLE}, {@code PATH}), with {@code driverProperty} the value of {@value
     * #DRIVER_PROPERTY} or null.
     */
    static ChromeInstallation find(Map<String, String> environment, String driverProperty) {
        String path = environment.getOrDefault("PATH", "");
        Path browser = named(environment.get(BROWSER_VARIABLE), BROWSER_VARIABLE)
                .or(() -> BROWSER_NAMES.stream().flatMap(name -> onPath(name, path).stream()).findFirst())
                .orElseThrow(() -> new IllegalStateException("The browser tests drive a real headless Chromium,"
                        + " and none was found: " + BROWSER_VARIABLE + " is not set and none of "
                        + BROWSER_NAMES + " is on the PATH (" + path + "). " + HOW_TO_INSTALL));
        Path driver = named(environment.get(DRIVER_VARIABLE), DRIVER_VARIABLE)
                .or(() -> named(driverProperty, "the system property " + DRIVER_PROPERTY))
                .or(() -> onPath(DRIVER_NAME, path))
                .orElseThrow(() -> new IllegalStateException("The browser tests drive Chromium through its"
                        + " chromedriver, and none was found: " + DRIVER_VARIABLE + " and " + DRIVER_PROPERTY
                        + " are not set and " + DRIVER_NAME + " is not on the PATH (" + path + "). "
                        + HOW_TO_INSTALL));
        return new ChromeInstallation(browser, driver);
    }

    /** The file a setting names; a setting that names no executable file is a mistake, not a miss. */
    private static Optional<Path> named(String value, String setting) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            throw new IllegalStateException(setting + " is set to " + value
                    + ", which is not an executable file. " + HOW_TO_INSTALL);
        }
        return Optional.of(file);
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path file = Path.of(directory, name);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
