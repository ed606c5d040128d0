package io.audiolens.embedded;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking it at a fixed interval. */
public final class Polling {

    private Polling() {
    }

    /**
     * Returns as soon as {@code condition} holds; throws {@link IllegalStateException} saying
     * {@code whatWeWaitedFor} once {@code timeout} has passed without it.
     */
    public static void awaitUntil(BooleanSupplier condition, Duration timeout, Duration interval,
            String whatWeWaitedFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for "
                        + whatWeWaitedFor);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for " + whatWeWaitedFor);
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }
}
