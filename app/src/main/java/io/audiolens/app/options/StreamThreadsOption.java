package io.audiolens.app.options;

import picocli.CommandLine.Option;

/** {@code --stream-threads N}: the aggregator's Kafka Streams threads (its {@code num.stream.threads}). */
public final class StreamThreadsOption {
    @Option(names = "--stream-threads", paramLabel = "N", defaultValue = "1",
            description = "Kafka Streams threads of this aggregator instance; each counts some of the projections"
                    + " topic's partitions (more threads than partitions stay idle) (default: ${DEFAULT-VALUE})")
    int threads;

    /** The given N, checked. */
    public int value() {
        if (threads < 1) {
            throw new IllegalArgumentException("--stream-threads " + threads + ": give 1 or more threads (each counts"
                    + " some of the projections topic's partitions)");
        }
        return threads;
    }
}
