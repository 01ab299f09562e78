package org.instantfeedback.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of child JVMs that must not outlive the JVM that started them, not even when that
 * parent is killed with SIGKILL and runs no shutdown hook. The parent keeps the child's standard
 * input open and never writes to it; the operating system closes that pipe when the parent dies,
 * whatever the cause. A daemon thread here waits for that end-of-file and halts the child; the
 * main thread runs the real program.
 *
 * <p>Usage: {@code java -cp <this class>:<program> org.instantfeedback.embedded.ParentWatchdog
 * <program main class> [program arguments...]}. Deliberately free of dependencies, so that it runs
 * on any class path.
 */
public final class ParentWatchdog {

    /** Exit status of a child that halted because its parent went away. */
    static final int PARENT_GONE_EXIT_STATUS = 86;

    private static final int USAGE_EXIT_STATUS = 2;

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("Usage: ParentWatchdog <main class> [arguments...]");
            System.exit(USAGE_EXIT_STATUS);
        }
        Thread watchdog = new Thread(() -> haltWhenClosed(System.in), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void haltWhenClosed(InputStream parentPipe) {
        byte[] ignored = new byte[256];
        try {
            while (parentPipe.read(ignored) != -1) {
                // The parent writes nothing; anything that arrives is read and dropped.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.err.println("[parent-watchdog] the parent process is gone; halting this child process");
        // Halt, not exit: shutdown hooks of the program could hang, and nobody waits for them anymore.
        Runtime.getRuntime().halt(PARENT_GONE_EXIT_STATUS);
    }
}
