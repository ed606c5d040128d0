package io.audiolens.app.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm-up until the JIT compilers run out of work. On 2 cores a compiler thread busy with the broker's, the
 * clients' and Kafka Streams' code takes most of a core for tens of seconds after a reader starts, which is not
 * what a monitor running for days pays per record; a pause between passes does not help, since the compilers only
 * get work from code that runs.
 */
final class JitQuiet {

    /** Quiet: the compilers worked less than this share of a warm-up round's time. */
    static final double BUSY_SHARE = 0.05;
    private static final Logger LOG = LoggerFactory.getLogger(JitQuiet.class);

    private JitQuiet() {
    }

    /**
     * What a warm-up came to: rounds run, seconds spent, and the compilers' time over the last round's time (summed
     * over the compiler threads, so it can exceed 1).
     */
    record WarmUp(int rounds, double seconds, double lastBusyShare) {}

    /**
     * Runs {@code round} (given its number, from 1) at least once, and again while the compilers were busy more
     * than {@link #BUSY_SHARE} of the last round and {@code budget} is not spent.
     */
    static WarmUp warmUp(Duration budget, IntConsumer round) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean measurable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        int rounds = 0;
        double share;
        do {
            long compiledBefore = measurable ? compiler.getTotalCompilationTime() : 0;
            long roundStart = System.nanoTime();
            round.accept(++rounds);
            double roundMillis = Math.max(1, (System.nanoTime() - roundStart) / 1e6);
            share = measurable ? (compiler.getTotalCompilationTime() - compiledBefore) / roundMillis : 0;
            LOG.info("warm-up round {}: the compilers were busy {} % of its {} ms", rounds, Math.round(share * 100),
                    Math.round(roundMillis));
        } while (share > BUSY_SHARE && System.nanoTime() - start < budget.toNanos());
        return new WarmUp(rounds, (System.nanoTime() - start) / 1e9, share);
    }
}
