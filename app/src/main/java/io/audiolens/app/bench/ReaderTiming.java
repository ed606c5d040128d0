package io.audiolens.app.bench;

import java.util.Optional;

/**
 * How fast a reader went: over all its records, and over those after its warm-up (the first fifth: connecting,
 * joining, compiling) when at least half were left to time.
 */
record ReaderTiming(Rate all, Optional<Rate> warm) {

    /**
     * From which count the clock ran, records per second, the reader's CPU microseconds per record, and the share of
     * the time its threads waited for commits (summed over threads: up to their number).
     */
    record Rate(long from, double perSecond, double cpuMicros, double commitWait) {}

    /**
     * One look at a reader: how many records it had read (or committed), the clock, its CPU clock and how long it
     * had waited for commits so far (0 where it does not commit), in ns.
     */
    record Reading(long count, long nanos, long cpuNanos, double commitWaitNanos) {
        Reading(long count, long nanos, long cpuNanos) {
            this(count, nanos, cpuNanos, 0);
        }
    }

    /** Records read before the warm clock starts. */
    static long warmUp(long records) {
        return records / 5;
    }

    /** From readings at the start, once the count passed {@link #warmUp}, and at the end. */
    static ReaderTiming of(Reading start, Reading warm, Reading end) {
        Rate all = between(start, end);
        if ((end.count() - warm.count()) * 2 < end.count()) {
            return new ReaderTiming(all, Optional.empty());
        }
        return new ReaderTiming(all, Optional.of(between(warm, end)));
    }

    /** The warm rate, or the rate over all records. */
    Rate in(boolean warmOnly) {
        return warmOnly ? warm.orElseThrow() : all;
    }

    private static Rate between(Reading from, Reading to) {
        long records = to.count() - from.count();
        double nanos = Math.max(1, to.nanos() - from.nanos());
        return new Rate(from.count(), records / (nanos / 1e9), (to.cpuNanos() - from.cpuNanos()) / 1e3 / records,
                (to.commitWaitNanos() - from.commitWaitNanos()) / nanos);
    }
}
