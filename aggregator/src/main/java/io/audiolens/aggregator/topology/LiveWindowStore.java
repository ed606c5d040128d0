package io.audiolens.aggregator.topology;

import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store with live values ({@link LiveStore}): a group's open window (its reading counts, about a
 * kilobyte) was decoded from the record cache and encoded back on every projection; it now stays an object on
 * the task's thread between commits. Range fetches (closing due windows, queries) write the changed windows down
 * first; the segments below drop a window past retention when it is written, as they did from the record cache.
 */
final class LiveWindowStore<V> extends LiveStore<WindowStore<String, V>, LiveWindowStore.Slot, V>
        implements WindowStore<String, V> {

    /** One key's window. */
    record Slot(String key, long start) {}

    private LiveWindowStore(WindowStore<String, V> below) {
        super(below);
    }

    /** {@code below} (a cached, logged window store's builder) with live windows on top. */
    static <V> StoreBuilder<WindowStore<String, V>> builder(StoreBuilder<WindowStore<String, V>> below) {
        return new Builder<>(below, LiveWindowStore::new);
    }

    @Override
    protected void writeBelow(Slot slot, V value) {
        wrapped().put(slot.key(), value, slot.start());
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
