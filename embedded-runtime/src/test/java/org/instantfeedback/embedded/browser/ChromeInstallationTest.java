package org.instantfeedback.embedded.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the browser and its driver on a fake PATH of empty executable files. */
class ChromeInstallationTest {
    @TempDir
    Path root;
    private Path firstOnPath;
    private Path secondOnPath;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void fakePath() throws IOException {
        firstOnPath = Files.createDirectory(root.resolve("first"));
        secondOnPath = Files.createDirectory(root.resolve("second"));
        environment.put("PATH", firstOnPath + File.pathSeparator + secondOnPath);
    }

    @Test
    void finds_chromium_and_chromedriver_on_the_path() throws IOException {
        Path browser = executable(secondOnPath, "chromium");
        Path driver = executable(firstOnPath, "chromedriver");

        ChromeInstallation found = ChromeInstallation.find(environment, null);

        assertThat(found).isEqualTo(new ChromeInstallation(browser, driver));
    }

    @Test
    void finds_ubuntu_and_google_browser_names_and_prefers_chromium() throws IOException {
        executable(firstOnPath, "chromedriver");
        Path chrome = executable(firstOnPath, "google-chrome-stable");
        assertThat(ChromeInstallation.find(environment, null).browser()).isEqualTo(chrome);

        Path chromiumBrowser = executable(secondOnPath, "chromium-browser");
        assertThat(ChromeInstallation.find(environment, null).browser()).isEqualTo(chromiumBrowser);

        Path chromium = executable(secondOnPath, "chromium");
        assertThat(ChromeInstallation.find(environment, null).browser()).isEqualTo(chromium);
    }

    @Test
    void takes_the_browser_and_driver_the_settings_name_over_the_path() throws IOException {
        executable(firstOnPath, "chromium");
        executable(firstOnPath, "chromedriver");
        Path browser = executable(root, "my-chrome");
        Path driver = executable(root, "my-driver");
        Path propertyDriver = executable(root, "property-driver");
        environment.put(ChromeInstallation.BROWSER_VARIABLE, browser.toString());

        assertThat(ChromeInstallation.find(environment, propertyDriver.toString()))
                .isEqualTo(new ChromeInstallation(browser, propertyDriver));

        environment.put(ChromeInstallation.DRIVER_VARIABLE, driver.toString());
        assertThat(ChromeInstallation.find(environment, propertyDriver.toString()))
                .isEqualTo(new ChromeInstallation(browser, driver));
    }

    @Test
    void passes_over_a_file_on_the_path_that_is_not_executable() throws IOException {
        Files.createFile(firstOnPath.resolve("chromium"));
        Path browser = executable(secondOnPath, "chromium");
        executable(secondOnPath, "chromedriver");

        assertThat(ChromeInstallation.find(environment, null).browser()).isEqualTo(browser);
    }

    @Test
    void fails_with_the_install_command_when_no_browser_is_found() throws IOException {
        executable(firstOnPath, "chromedriver");

        assertThatThrownBy(() -> ChromeInstallation.find(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none of [chromium, chromium-browser, google-chrome, google-chrome-stable]"
                        + " is on the PATH")
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining("set CHROME_BIN");
    }

    @Test
    void fails_with_the_install_command_when_no_driver_is_found() throws IOException {
        executable(firstOnPath, "chromium");

        assertThatThrownBy(() -> ChromeInstallation.find(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromedriver is not on the PATH")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void fails_when_a_setting_names_no_executable_instead_of_looking_elsewhere() throws IOException {
        executable(firstOnPath, "chromium");
        executable(firstOnPath, "chromedriver");
        environment.put(ChromeInstallation.BROWSER_VARIABLE, root.resolve("missing").toString());

        assertThatThrownBy(() -> ChromeInstallation.find(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHROME_BIN is set to " + root.resolve("missing"))
                .hasMessageContaining("not an executable file");
    }

    private static Path executable(Path directory, String name) throws IOException {
        return Files.createFile(directory.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
