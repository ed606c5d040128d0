package io.audiolens.aggregator.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys whose snapshot is due. Kept in a changelogged store, not in memory: a crash between committing a
 * change and publishing it must not lose the publication.
 */
final class ChangedKeys {

    private final KeyValueStore<String, Boolean> store;

    ChangedKeys(KeyValueStore<String, Boolean> store) {
        this.store = store;
    }

    void mark(String key) {
        store.put(key, Boolean.TRUE);
    }

    /** Its snapshot was just published another way. */
    void forget(String key) {
        store.delete(key);
    }

    /** Hands every changed key to {@code publish}, in key order, and forgets it. */
    void drain(Consumer<String> publish) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Boolean> all = store.all()) {
            all.forEachRemaining((KeyValue<String, Boolean> entry) -> keys.add(entry.key));
        }
        for (String key : keys) {
            publish.accept(key);
            store.delete(key);
        }
    }
}
