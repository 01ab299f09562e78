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

    private final URI uri;
    private final List<byte[]> bodies;

    HttpLoad(URI uri, List<byte[]> bodies) {
        this.uri = uri;
        this.bodies = bodies;
    }

    /** Accepted (2xx) requests per second and how many were refused or failed. */
    record Throughput(double perSecond, long accepted, long failed) {
    }

    /** Latency percentiles in milliseconds of an open-loop run, and what was actually achieved. */
    record Latency(double p50, double p99, double p999, double max, double achievedPerSecond, long failed) {
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
        return new Throughput(accepted.get() / (measure.toNanos() / 1e9), accepted.get(), failed.get());
    }

    Latency openLoop(double perSecond, Duration warmUp, Duration measure) throws InterruptedException {
        HttpClient http = client(64);
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong failed = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        long sent = 0;
        long measuredSent = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = intended >= measureFrom;
            if (measured) {
                measuredSent++;
            }
            sent++;
            http.sendAsync(request(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - intended;
                completed.incrementAndGet();
                if (!measured) {
                    return;
                }
                if (error != null || response.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                }
                recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toNanos(60)));
            });
        }
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (completed.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Histogram histogram = recorder.getIntervalHistogram();
        double ms = 1e6;
        return new Latency(histogram.getValueAtPercentile(50) / ms, histogram.getValueAtPercentile(99) / ms,
                histogram.getValueAtPercentile(99.9) / ms, histogram.getMaxValue() / ms,
                measuredSent / (measure.toNanos() / 1e9), failed.get());
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
