package io.audiolens.aggregator.topology;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;

/**
 * A window store with live values ({@link LiveStore}): a group's open window (its reading counts, about a
 * kilobyte) was decoded from the record cache and encoded back on every projection; it now stays an object on
 * the task's thread between commits. Range fetches on the task's thread (closing due windows) write the changed
 * windows down first; the segments below drop a window past retention when it is written, as they did from the
 * record cache. One value per key and window: not for a store that retains duplicates.
 */
final class LiveWindowStore<V> extends LiveStore<WindowStore<String, V>, LiveWindowStore.Slot, V>
        implements WindowStore<String, V> {

    /** One key's window. */
    record Slot(String key, long start) {}

    private LiveWindowStore(WindowStore<String, V> below) {
        super(below);
    }

    /**
     * A window store of {@code supplier}'s segments with live windows on top. It is Kafka Streams' own window store
     * builder (caching and logging as configured on it), so that Streams still knows the store for a window store:
     * its changelog is created {@code compact,delete} with the store's retention, not compacted forever.
     */
    static <V> StoreBuilder<WindowStore<String, V>> builder(WindowBytesStoreSupplier supplier, Serde<V> values) {
        if (supplier.retainDuplicates()) {
            throw new IllegalArgumentException("live windows keep one value per key and window; " + supplier.name()
                    + " retains duplicates");
        }
        return new WindowStoreBuilder<>(supplier, Serdes.String(), values, Time.SYSTEM) {
            @Override
            public WindowStore<String, V> build() {
                return new LiveWindowStore<>(super.build());
            }
        };
    }

    @Override
    protected void writeBelow(Map<Slot, V> changes) {
        changes.forEach((slot, value) -> wrapped().put(slot.key(), value, slot.start()));
    }

    @Override
    public V fetch(String key, long start) {
        return read(new Slot(key, start), () -> wrapped().fetch(key, start));
    }

    @Override
    public void put(String key, V value, long start) {
        Slot slot = new Slot(key, start);
        if (value == null) {
            forget(slot);
            wrapped().put(key, null, start);
            return;
        }
        change(slot, value);
    }

    @Override
    public WindowStoreIterator<V> fetch(String key, long from, long to) {
        writeDown();
        return wrapped().fetch(key, from, to);
    }

    @Override
    public WindowStoreIterator<V> fetch(String key, Instant from, Instant to) {
        writeDown();
        return wrapped().fetch(key, from, to);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(String key, long from, long to) {
        writeDown();
        return wrapped().backwardFetch(key, from, to);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(String key, Instant from, Instant to) {
        writeDown();
        return wrapped().backwardFetch(key, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, long from, long to) {
        writeDown();
        return wrapped().fetch(keyFrom, keyTo, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, Instant from, Instant to) {
        writeDown();
        return wrapped().fetch(keyFrom, keyTo, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetch(String keyFrom, String keyTo, long from, long to) {
        writeDown();
        return wrapped().backwardFetch(keyFrom, keyTo, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetch(String keyFrom, String keyTo, Instant from,
            Instant to) {
        writeDown();
        return wrapped().backwardFetch(keyFrom, keyTo, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetchAll(long from, long to) {
        writeDown();
        return wrapped().fetchAll(from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetchAll(Instant from, Instant to) {
        writeDown();
        return wrapped().fetchAll(from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetchAll(long from, long to) {
        writeDown();
        return wrapped().backwardFetchAll(from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetchAll(Instant from, Instant to) {
        writeDown();
        return wrapped().backwardFetchAll(from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> all() {
        writeDown();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardAll() {
        writeDown();
        return wrapped().backwardAll();
    }
}
