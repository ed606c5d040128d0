package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.state.BloomFilter;
import io.audiolens.aggregator.state.Intake;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Intake.Store} over a task's Kafka Streams stores. The seen sample ids have a Bloom filter in front: nearly
 * every id is new, and the filter says so without a RocksDB read (its "maybe" is read as before, so nothing counts
 * twice). It is filled from the store when the task's processor starts — after the store was restored, and again
 * whenever the task is initialised again (revived after an error, recycled from standby) — and with every id
 * remembered after that; this processor is the only writer of its store while the task runs.
 */
final class KeyValueIntakeStore<C> implements Intake.Store<C> {
    private static final Logger LOG = LoggerFactory.getLogger(KeyValueIntakeStore.class);

    private final KeyValueStore<String, C> counts;
    private final KeyValueStore<String, Boolean> seen;
    private final BloomFilter seenFilter;

    KeyValueIntakeStore(KeyValueStore<String, C> counts, KeyValueStore<String, Boolean> seen) {
        this.counts = counts;
        this.seen = seen;
        this.seenFilter = filterOf(seen);
    }

    private static BloomFilter filterOf(KeyValueStore<String, Boolean> seen) {
        long start = System.nanoTime();
        BloomFilter filter = BloomFilter.sizedFor(seen.approximateNumEntries());
        try (KeyValueIterator<String, Boolean> ids = seen.all()) {
            ids.forEachRemaining(id -> filter.add(id.key));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis >= 1000) {
            LOG.info("{}: {} seen sample ids read into its filter in {} ms", seen.name(), filter.size(), millis);
        }
        return filter;
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
        return seenFilter.mightContain(sampleKey) && seen.get(sampleKey) != null;
    }

    @Override
    public void remember(String sampleKey) {
        seenFilter.add(sampleKey);
        seen.put(sampleKey, Boolean.TRUE);
    }
}
