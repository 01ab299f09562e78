package org.instantfeedback.benchmarks.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Our load tool: JSON POSTs over keep-alive HTTP/1.1 connections (java.net.http), either
 * closed-loop (a fixed number of clients, each sending its next request when the last one is
 * answered: the saturation rate) or open-loop (requests sent at fixed intended times whatever the
 * server does, each latency measured from its intended send time, so a stalled server is charged
 * for every request it held up: no coordinated omission).
 */
final class HttpLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    private final URI uri;
    private final List<byte[]> bodies;

    HttpLoad(URI uri, List<byte[]> bodies) {
        this.uri = uri;
        this.bodies = bodies;
    }

    /** Accepted (2xx) requests per second with this many clients, and how many were refused or failed. */
    record Throughput(int clients, double perSecond, long accepted, long failed) {
    }

    /** Latency percentiles in milliseconds of an open-loop run, and what was actually achieved. */
    record Latency(double p50, double p99, double p999, double max, double achievedPerSecond, long failed) {
    }

    /**
     * The best closed-loop rate over several client counts. One count cannot find every server's
     * saturation: too few clients leave a server that batches (ingest lingers 5 ms for Kafka)
     * waiting on them, too many and the load tool, on the same cores, takes the CPU the server
     * needs. Each server is charged at its own best count.
     */
    Throughput peak(int[] clientCounts, Duration warmUp, Duration measure, String label) throws InterruptedException {
        Throughput best = null;
        for (int clients : clientCounts) {
            Throughput run = closedLoop(clients, warmUp, measure);
            Progress.say("  %s, %d clients: %,.0f accepted/s", label, clients, run.perSecond());
            if (best == null || run.perSecond() > best.perSecond()) {
                best = run;
            }
        }
        return best;
    }

    Throughput closedLoop(int clients, Duration warmUp, Duration measure) throws InterruptedException {
        HttpClient http = client(clients);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmUpEnd + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c * 7919;
            threads.execute(() -> {
                try {
                    for (long i = offset; ; i++) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            return;
                        }
                        boolean ok = send(http, i);
                        if (System.nanoTime() > warmUpEnd && System.nanoTime() <= end) {
                            (ok ? accepted : failed).incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        threads.shutdown();
        return new Throughput(clients, accepted.get() / (measure.toNanos() / 1e9), accepted.get(), failed.get());
    }

    /**
     * Open loop over {@value #OPEN_LOOP_CONNECTIONS} keep-alive connections, as wrk2 does: each
     * connection takes the next intended send time, waits for it (or sends at once when it is
     * already late) and charges the request from that time. A bounded set of connections matters:
     * a client that opens a new one whenever the server lags soon runs out of file descriptors,
     * and the broker in the same process with it.
     */
    Latency openLoop(double perSecond, Duration warmUp, Duration measure) throws InterruptedException {
        HttpClient http = client(OPEN_LOOP_CONNECTIONS);
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong failed = new AtomicLong();
        AtomicLong measuredSent = new AtomicLong();
        AtomicLong nextRequest = new AtomicLong();
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(OPEN_LOOP_CONNECTIONS);
        ExecutorService connections = Executors.newFixedThreadPool(OPEN_LOOP_CONNECTIONS, daemon());
        for (int c = 0; c < OPEN_LOOP_CONNECTIONS; c++) {
            connections.execute(() -> {
                try {
                    for (long i = nextRequest.getAndIncrement(); ; i = nextRequest.getAndIncrement()) {
                        long intended = start + i * intervalNanos;
                        if (intended >= end) {
                            return;
                        }
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        boolean ok = send(http, i);
                        long latency = System.nanoTime() - intended;
                        if (intended >= measureFrom) {
                            measuredSent.incrementAndGet();
                            if (!ok) {
                                failed.incrementAndGet();
                            }
                            recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toNanos(60)));
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        connections.shutdown();
        // Late requests are still sent, after the measured period: the achieved rate counts that time.
        long elapsed = Math.max(measure.toNanos(), System.nanoTime() - measureFrom);
        Histogram histogram = recorder.getIntervalHistogram();
        double ms = 1e6;
        return new Latency(histogram.getValueAtPercentile(50) / ms, histogram.getValueAtPercentile(99) / ms,
                histogram.getValueAtPercentile(99.9) / ms, histogram.getMaxValue() / ms,
                measuredSent.get() / (elapsed / 1e9), failed.get());
    }

    /** Sends one request and waits for its answer; true when it was accepted. */
    boolean send(HttpClient http, long i) {
        try {
            return http.send(request(i), HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest request(long i) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size()))))
                .build();
    }

    static HttpClient client(int threads) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(2, Math.min(threads, 8)), daemon()))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "http-load");
            thread.setDaemon(true);
            return thread;
        };
    }
}
