package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.state.Intake;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link Intake.Store} over a task's Kafka Streams stores: its counts, and its {@link SeenIds}. */
final class KeyValueIntakeStore<C> implements Intake.Store<C> {

    private final KeyValueStore<String, C> counts;
    private final SeenIds seen;

    KeyValueIntakeStore(KeyValueStore<String, C> counts, SeenIds seen) {
        this.counts = counts;
        this.seen = seen;
    }

    @Override
    public C counts(String key) {
        return counts.get(key);
    }

    @Override
    public void put(String key, C value) {
        counts.put(key, value);
    }

    @Override
    public boolean contains(String sampleKey) {
        return seen.contains(sampleKey);
    }

    @Override
    public void remember(String sampleKey) {
        seen.remember(sampleKey);
    }
}
