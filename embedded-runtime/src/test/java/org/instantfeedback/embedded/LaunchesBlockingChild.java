package org.instantfeedback.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent program for watchdog tests: starts {@link BlocksForever} through {@link ChildJvm}, prints
 * the child's process id, then waits to be killed.
 */
public final class LaunchesBlockingChild {

    private static Process child;

    private LaunchesBlockingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path childLog = Path.of(args[0]);
        child = ChildJvm.launch(List.of("-Xmx32m"), List.of(WatchdogTestClassPath.testClasses()),
                BlocksForever.class.getName(), List.of(), childLog);
        System.out.println(child.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
