package io.audiolens.aggregator.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.KeyValueStoreBuilder;

/**
 * A key-value store with live values ({@link LiveStore}): a group's counts (kilobytes of integers) and monitor
 * state stay objects on the task's thread between commits, and the seen sample ids of a commit interval go down
 * as one packed batch when it ends ({@link SeenIds}).
 */
final class LiveValueStore<V> extends LiveStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    private LiveValueStore(KeyValueStore<String, V> below) {
        super(below);
    }

    /**
     * A key-value store of {@code supplier} with live values on top. It is Kafka Streams' own key-value store builder
     * (caching and logging as configured on it), as {@link LiveWindowStore}'s is its window store builder, so that
     * Streams sees the store it knows.
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> builder(KeyValueBytesStoreSupplier supplier, Serde<V> values) {
        return new KeyValueStoreBuilder<>(supplier, Serdes.String(), values, Time.SYSTEM) {
            @Override
            public KeyValueStore<String, V> build() {
                return new LiveValueStore<>(super.build());
            }
        };
    }

    /** In one call: RocksDB takes them as one write batch, the changelog gets them in order. */
    @Override
    protected void writeBelow(Map<String, V> changes) {
        List<KeyValue<String, V>> entries = new ArrayList<>(changes.size());
        changes.forEach((key, value) -> entries.add(KeyValue.pair(key, value)));
        wrapped().putAll(entries);
    }

    @Override
    public V get(String key) {
        return read(key, () -> wrapped().get(key));
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        change(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V before = get(key);
        forget(key);
        wrapped().delete(key);
        return before;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        writeDown();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        writeDown();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        writeDown();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        writeDown();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeDown();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        writeDown();
        return wrapped().approximateNumEntries();
    }
}
