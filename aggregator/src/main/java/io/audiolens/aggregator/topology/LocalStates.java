package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.GroupCounts;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the counts in this instance's stores: its share of the {@link AggregateStates}. */
public final class LocalStates {

    /** Opens a store by name: interactive queries on a running app, or a test driver's store. */
    @FunctionalInterface
    public interface StoreReader {
        <V> ReadOnlyKeyValueStore<String, V> store(String name);
    }

    private LocalStates() {
    }

    public static AggregateStates read(StoreReader stores) {
        List<GroupCounts> groups = values(stores.store(StoreNames.GROUPS));
        List<EnrichmentCounts> enrichments = values(stores.store(StoreNames.ENRICHMENT));
        return new AggregateStates(groups, enrichments, sum(stores.store(StoreNames.REJECTED_PROJECTIONS)),
                sum(stores.store(StoreNames.REJECTED_OUTCOMES)));
    }

    private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    private static long sum(ReadOnlyKeyValueStore<String, Long> store) {
        long sum = 0;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                sum += all.next().value;
            }
        }
        return sum;
    }
}
