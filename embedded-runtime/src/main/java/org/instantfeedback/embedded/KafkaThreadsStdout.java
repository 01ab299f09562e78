package org.instantfeedback.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the TestKit's threads print to {@code System.out} into debug log lines while it is
 * installed. Kafka's storage formatter writes its progress to {@code System.out} and the TestKit
 * offers no way to redirect it; output of every other thread passes through untouched.
 */
final class KafkaThreadsStdout implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaThreadsStdout.class);
    private static final Object INSTALL_LOCK = new Object();

    private final PrintStream original;
    private final PrintStream redirect;

    private KafkaThreadsStdout(PrintStream original, String threadNamePrefix) {
        this.original = original;
        this.redirect = new PrintStream(new Router(original, threadNamePrefix), true, StandardCharsets.UTF_8);
    }

    /** Runs the action with the output of threads named {@code threadNamePrefix*} sent to the log. */
    static <E extends Exception> void redirectWhile(String threadNamePrefix, Action<E> action) throws E {
        // One redirect at a time, so brokers starting in parallel cannot restore each other's stream.
        synchronized (INSTALL_LOCK) {
            KafkaThreadsStdout redirect = install(threadNamePrefix);
            try {
                action.run();
            } finally {
                redirect.close();
            }
        }
    }

    private static KafkaThreadsStdout install(String threadNamePrefix) {
        KafkaThreadsStdout installed = new KafkaThreadsStdout(System.out, threadNamePrefix);
        System.setOut(installed.redirect);
        return installed;
    }

    @Override
    public void close() {
        redirect.flush();
        if (System.out == redirect) {
            System.setOut(original);
        }
    }

    /** Work that may throw a checked exception. */
    @FunctionalInterface
    interface Action<E extends Exception> {
        void run() throws E;
    }

    private static final class Router extends OutputStream {
        private final OutputStream original;
        private final String threadNamePrefix;
        private final ThreadLocal<ByteArrayOutputStream> pendingLine =
                ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Router(OutputStream original, String threadNamePrefix) {
            this.original = original;
            this.threadNamePrefix = threadNamePrefix;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (fromKafkaThread()) {
                super.write(bytes, offset, length);
            } else {
                original.write(bytes, offset, length);
            }
        }

        @Override
        public void write(int b) throws IOException {
            if (!fromKafkaThread()) {
                original.write(b);
            } else if (b == '\n') {
                ByteArrayOutputStream line = pendingLine.get();
                log.debug("{}", line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                pendingLine.get().write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }

        private boolean fromKafkaThread() {
            return Thread.currentThread().getName().startsWith(threadNamePrefix);
        }
    }
}
