package org.instantfeedback.streams.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * The dashboard's live side, wired: the feed reading the metrics and alert topics and the
 * broadcaster handing its events to the viewers of {@code /v1/live}. Built by the app, started after
 * the HTTP API, closed before it (so the viewers' threads return and the server stops at once).
 */
public final class LiveUpdates implements AutoCloseable {
    private final LiveBroadcaster broadcaster;
    private final LiveFeed feed;

    private LiveUpdates(LiveBroadcaster broadcaster, LiveFeed feed) {
        this.broadcaster = broadcaster;
        this.feed = feed;
    }

    /** Builds the feed and broadcaster; starts nothing. */
    public static LiveUpdates create(Map<String, ?> kafkaSettings, Map<String, ?> registrySettings,
                                     String applicationId, MeterRegistry metrics) {
        LiveBroadcaster broadcaster = LiveBroadcaster.withDefaults(Clock.systemUTC(), metrics);
        LiveFeed feed = new LiveFeed(kafkaSettings, registrySettings, applicationId + "-live", broadcaster::publish,
                () -> broadcaster.clients() > 0);
        return new LiveUpdates(broadcaster, feed);
    }

    public LiveBroadcaster broadcaster() {
        return broadcaster;
    }

    public void start() {
        broadcaster.start();
        feed.start();
    }

    @Override
    public void close() {
        feed.close();
        broadcaster.close();
    }
}
