package org.instantfeedback.streams.clients;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer that reads beside Kafka Streams on a daemon thread of its own (the live feed,
 * the text model feed, the trainer): started once, and closed by waking its consumer up rather than
 * interrupting the thread, since an interrupt would also break the consumer's own orderly close.
 * A failure ends the thread with one log line saying what stops working.
 */
public abstract class ConsumerThread implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerThread.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile KafkaConsumer<?, ?> consumer;
    private Thread thread;

    /** @param name the thread's name, and what the log calls it ("live-feed") */
    protected ConsumerThread(String name) {
        this.name = name;
    }

    /** Starts reading on the thread; a second call does nothing. */
    public final synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::runUntilClosed, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void runUntilClosed() {
        try {
            run();
        } catch (WakeupException e) {
            if (!closed()) {
                log.error("{} was woken up unexpectedly; {}", name, whatStops(), e);
            }
        } catch (RuntimeException e) {
            if (closed()) {
                log.debug("{} stopped while it was busy", name, e);
            } else {
                log.error("{} failed; {}", name, whatStops(), e);
            }
        }
    }

    /**
     * Reads until {@link #closed()}: makes its consumer, hands it to {@link #wakeable} and polls.
     * Runs on the thread.
     */
    protected abstract void run();

    /** What stops working when the thread fails, for the log ("the dashboard gets no live updates"). */
    protected abstract String whatStops();

    /** Registers the consumer {@link #close} wakes up; false when the thread is closed already. */
    protected final boolean wakeable(KafkaConsumer<?, ?> kafka) {
        consumer = kafka;
        return !closed();
    }

    protected final boolean closed() {
        return closed.get();
    }

    /** Waits, unless closed first; true when closed. */
    protected final boolean closedWithin(Duration wait) {
        try {
            return closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Called by {@link #close} before the consumer is woken up: stop what else the thread runs. */
    protected void closing() {
    }

    /** Stops reading and waits (up to 10 seconds) for the thread to leave. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        closing();
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
