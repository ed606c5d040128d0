package io.audiolens.producers.publish;

import io.audiolens.schemas.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts one run as it goes: the {@link SampleSink} counts, the caller reads the {@link #summary()}.
 * Acknowledgements arrive on the Kafka producer's I/O thread, hence the synchronisation.
 */
public final class Tally {

    private final Map<String, Map<Split, Long>> sent = new TreeMap<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<Rejection> failed = new ArrayList<>();
    private long cut;
    private long converted;

    synchronized void sent(String attribute, Split split, boolean wasCut, boolean wasConverted) {
        sent.computeIfAbsent(attribute, a -> new EnumMap<>(Split.class)).merge(split, 1L, Long::sum);
        cut += wasCut ? 1 : 0;
        converted += wasConverted ? 1 : 0;
    }

    synchronized void rejected(Rejection rejection) {
        rejected.add(rejection);
    }

    synchronized void failed(Rejection failure) {
        failed.add(failure);
    }

    /** What was counted so far; complete once the producer is flushed. */
    public synchronized ProduceSummary summary() {
        return new ProduceSummary(sent, rejected, cut, converted, failed);
    }
}
