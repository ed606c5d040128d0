package io.audiolens.aggregator.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys whose snapshot is due. Kept in a changelogged store, not in memory: a crash between committing a
 * change and publishing it must not lose the publication. A copy of the store's keys in memory, read when
 * the task's processor starts (after its stores are restored), spares the store a write for every record of
 * a key already marked: only this class writes the store, so the two agree while the task runs.
 */
final class ChangedKeys {

    private final KeyValueStore<String, Boolean> store;
    private final Set<String> marked = new HashSet<>();

    ChangedKeys(KeyValueStore<String, Boolean> store) {
        this.store = store;
        try (KeyValueIterator<String, Boolean> all = store.all()) {
            all.forEachRemaining((KeyValue<String, Boolean> entry) -> marked.add(entry.key));
        }
    }

    void mark(String key) {
        if (marked.add(key)) {
            store.put(key, Boolean.TRUE);
        }
    }

    /** Its snapshot was just published another way. */
    void forget(String key) {
        if (marked.remove(key)) {
            store.delete(key);
        }
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
            marked.remove(key);
        }
    }
}
