package org.instantfeedback.embedded;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** A child program for watchdog tests: announces itself, then never ends on its own. */
public final class BlocksForever {

    static final String ANNOUNCEMENT = "blocking forever with arguments ";

    private BlocksForever() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(ANNOUNCEMENT + Arrays.toString(args));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
