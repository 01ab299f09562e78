package org.instantfeedback.service.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the service's dependencies answer now: all are checked at once, each within the probe
 * timeout, and the answer is reused for a short while so that frequent probes from an orchestrator
 * (or many replicas of its probes) do not hammer them (Kafka, the schema registry). Answers with
 * each check's state and, when not ready, a detail naming what is not reachable.
 */
public final class Readiness implements ReadinessProbe, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CACHE_FOR = Duration.ofSeconds(1);

    private final List<DependencyCheck> checks;
    private final Duration probeTimeout;
    private final Duration cacheFor;
    private final LongSupplier nanoTime;
    private final ExecutorService executor;
    private ReadinessReport last;
    private long lastAt;

    public Readiness(List<DependencyCheck> checks) {
        this(checks, PROBE_TIMEOUT, CACHE_FOR, System::nanoTime);
    }

    public Readiness(List<DependencyCheck> checks, Duration probeTimeout, Duration cacheFor, LongSupplier nanoTime) {
        this.checks = List.copyOf(checks);
        this.probeTimeout = probeTimeout;
        this.cacheFor = cacheFor;
        this.nanoTime = nanoTime;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /** The latest report, checked afresh when the cached one is older than the cache period. */
    public synchronized ReadinessReport check() {
        long now = nanoTime.getAsLong();
        if (last == null || now - lastAt >= cacheFor.toNanos()) {
            ReadinessReport report = checkAll();
            logChange(last, report);
            last = report;
            lastAt = nanoTime.getAsLong();
        }
        return last;
    }

    @Override
    public ProbeAnswer probe() {
        ReadinessReport report = check();
        Map<String, String> checks = new LinkedHashMap<>();
        report.reachable().forEach((name, up) -> checks.put(name, up ? "UP" : "DOWN"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checks", checks);
        if (!report.ready()) {
            details.put("detail", "not reachable: " + String.join(", ", report.unreachable()));
        }
        return new ProbeAnswer(report.ready(), details);
    }

    private ReadinessReport checkAll() {
        List<CompletableFuture<Boolean>> running = new ArrayList<>();
        for (DependencyCheck check : checks) {
            running.add(CompletableFuture.supplyAsync(() -> check.isReachable(probeTimeout), executor));
        }
        long deadline = System.nanoTime() + probeTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
        Map<String, Boolean> reachable = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            reachable.put(checks.get(i).name(), answer(checks.get(i), running.get(i), deadline));
        }
        return new ReadinessReport(reachable);
    }

    /** Logs only changes, so a long outage does not flood the log once per probe. */
    private static void logChange(ReadinessReport previous, ReadinessReport current) {
        if (previous != null && previous.reachable().equals(current.reachable())) {
            return;
        }
        if (current.ready()) {
            LOG.info("ready: {} reachable", current.reachable().keySet());
        } else {
            LOG.warn("not ready: {} not reachable", current.unreachable());
        }
    }

    private static boolean answer(DependencyCheck check, CompletableFuture<Boolean> result, long deadline) {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return false;
        } catch (ExecutionException e) {
            LOG.warn("readiness check of {} failed", check.name(), e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "readiness-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (DependencyCheck check : checks) {
            try {
                check.close();
            } catch (Exception e) {
                LOG.warn("could not close the readiness check of {}", check.name(), e);
            }
        }
    }
}
