package io.audiolens.app.bench;

/**
 * How fast a reader went through {@code records}: over all of them, and over those after its warm-up (the
 * first fifth: connecting, joining, compiling) when at least half were left to time; {@code warmFrom} is then
 * the count it had read when the clock started, else 0.
 */
record ReaderTiming(long records, double allPerSecond, double allCpuMicros, long warmFrom, double warmPerSecond,
        double warmCpuMicros) {

    /** Records read before the warm clock starts. */
    static long warmUp(long records) {
        return records / 5;
    }

    /**
     * From three readings of a count, a clock and a CPU clock (nanoseconds): at the start, once the count
     * passed {@link #warmUp}, and at the end.
     */
    static ReaderTiming of(long records, long startNanos, long startCpu, long warmCount, long warmNanos,
            long warmCpu, long endNanos, long endCpu) {
        double all = records / seconds(startNanos, endNanos);
        double allCpu = (endCpu - startCpu) / 1e3 / records;
        long left = records - warmCount;
        if (left * 2 < records) {
            return new ReaderTiming(records, all, allCpu, 0, all, allCpu);
        }
        return new ReaderTiming(records, all, allCpu, warmCount, left / seconds(warmNanos, endNanos),
                (endCpu - warmCpu) / 1e3 / left);
    }

    boolean warm() {
        return warmFrom > 0;
    }

    private static double seconds(long from, long to) {
        return Math.max(1, to - from) / 1e9;
    }
}
