package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.instantfeedback.embedded.browser.HeadlessChromium;
import org.instantfeedback.streams.http.ApiSettings;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * What the dashboard's browser tests run on: ingest and feedback-streams on the test broker, with
 * token access as in production, and a headless Chromium of desktop size to look at them.
 */
final class DashboardInChromium implements AutoCloseable {
    private static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A common phone's viewport in CSS pixels (an iPhone 12 to 14). */
    private static final Dimension PHONE = new Dimension(390, 844);

    private final IngestAndStreams services;
    private final HeadlessChromium chromium;

    private DashboardInChromium(IngestAndStreams services, HeadlessChromium chromium) {
        this.services = services;
        this.chromium = chromium;
    }

    /** Starts the services with {@code settings}, requiring {@code token} as production does, then the browser. */
    static DashboardInChromium start(Map<String, String> settings, String token) throws IOException {
        settings.put(ApiSettings.STREAMS_API_AUTH, "token");
        settings.put(ApiSettings.STREAMS_API_TOKENS, token);
        IngestAndStreams services = IngestAndStreams.start(settings);
        try {
            return new DashboardInChromium(services,
                    HeadlessChromium.open(DESKTOP.width, DESKTOP.height, "--hide-scrollbars"));
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
    }

    IngestAndStreams services() {
        return services;
    }

    HeadlessChromium chromium() {
        return chromium;
    }

    WebDriver browser() {
        return chromium.driver();
    }

    /**
     * Runs {@code checks} in a phone-sized window, once the page is laid out for it and seen not to
     * scroll sideways {@code showing} what it shows; the window gets its desktop size back after.
     */
    void onAPhone(String showing, PageChecks checks) throws IOException {
        browser().manage().window().setSize(PHONE);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> chromium.viewportWidth() <= PHONE.width);
            assertThat(chromium.pageWidth()).as("no sideways scrolling on a phone showing " + showing)
                    .isLessThanOrEqualTo(chromium.viewportWidth());
            checks.run();
        } finally {
            browser().manage().window().setSize(DESKTOP);
        }
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            services.close();
        }
    }

    /** What a test checks of the page at a size, screenshots included. */
    @FunctionalInterface
    interface PageChecks {
        void run() throws IOException;
    }
}
