package io.audiolens.aggregator.state;

/**
 * The one state-update path, shared by the Streams processors and the offline aggregation: reject what
 * cannot be counted, count each sample id once per key, and say whether the probe set just completed.
 */
public final class Intake<E, C> {

    /** Where counts and seen sample ids live: Kafka Streams stores, or maps in memory. */
    public interface Store<C> {
        C counts(String key);

        void put(String key, C counts);

        boolean contains(String sampleKey);

        void remember(String sampleKey);
    }

    /** What became of one event. */
    public sealed interface Result<C> permits Counted, Duplicate, Rejected {
        String key();
    }

    public record Counted<C>(String key, C counts, boolean completedProbe) implements Result<C> {}

    public record Duplicate<C>(String key, C counts) implements Result<C> {}

    public record Rejected<C>(String key, String reason) implements Result<C> {}

    private final Counting<E, C> counting;

    public Intake(Counting<E, C> counting) {
        this.counting = counting;
    }

    public Result<C> accept(E event, Store<C> store) {
        return accept(event, counting.key(event), store);
    }

    /** {@link #accept(Object, Store)} with the event's key already taken ({@code counting.key(event)}). */
    public Result<C> accept(E event, String key, Store<C> store) {
        C current = store.counts(key);
        String problem = counting.problem(event, current).orElse(null);
        if (problem != null) {
            return new Rejected<>(key, problem);
        }
        C counts = current != null ? current : counting.empty(event);
        String sampleKey = Keys.sample(key, counting.sampleId(event));
        if (isDuplicate(sampleKey, store)) {
            counting.countDuplicate(counts);
            store.put(key, counts);
            return new Duplicate<>(key, counts);
        }
        boolean completedProbe = counting.add(counts, event);
        rememberSample(sampleKey, store);
        store.put(key, counts);
        return new Counted<>(key, counts, completedProbe);
    }

    private static boolean isDuplicate(String sampleKey, Store<?> store) {
        return store.contains(sampleKey);
    }

    private static void rememberSample(String sampleKey, Store<?> store) {
        store.remember(sampleKey);
    }
}
