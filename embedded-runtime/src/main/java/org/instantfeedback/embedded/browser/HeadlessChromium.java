package org.instantfeedback.embedded.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for a browser test, with a profile of its own that {@link #close()} deletes.
 * The browser and driver are those {@link ChromeInstallation#find()} finds, named outright, so
 * Selenium Manager never downloads anything. Screenshots go to {@value #SCREENSHOTS} under the
 * module the test runs in; {@code docs/refresh-screenshots} copies the ones the docs show.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final String SCREENSHOTS = "target/screenshots";

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser with a window of {@code width} by {@code height} CSS pixels. */
    public static HeadlessChromium open(int width, int height, String... extraArguments) throws IOException {
        ChromeInstallation installation = ChromeInstallation.find();
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.browser().toFile());
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-GB"));
        arguments.addAll(List.of(extraArguments));
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.driver().toFile()).usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
        driver.manage().window().setSize(new Dimension(width, height));
        return new HeadlessChromium(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page with {@code arguments}; what it returns as text, null for nothing. */
    public String js(String script, Object... arguments) {
        Object result = ((JavascriptExecutor) driver).executeScript(script, arguments);
        return result == null ? null : result.toString();
    }

    /** How wide the window's viewport is, in CSS pixels. */
    public int viewportWidth() {
        return whole("return window.innerWidth");
    }

    /** How wide the page is laid out, in CSS pixels: wider than the viewport, it scrolls sideways. */
    public int pageWidth() {
        return whole("return document.documentElement.scrollWidth");
    }

    private int whole(String script) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script)).intValue();
    }

    /** Writes what the window shows to {@value #SCREENSHOTS}/{@code fileName} and returns that file. */
    public Path screenshot(String fileName) throws IOException {
        Path file = Path.of(SCREENSHOTS, fileName);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    /** As far as it goes: a file the browser still holds stays in the temporary directory. */
    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the browser profile " + directory, e);
        }
    }
}
