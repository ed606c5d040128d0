package io.audiolens.aggregator.topology;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store whose values the task's own thread reads and writes as live objects between commits:
 * a group's counts (kilobytes of integers) are decoded once per commit interval instead of once per record,
 * and encoded once when the task commits instead of on every put. Kafka Streams flushes a task's caches
 * before it commits ({@code flushCache}), and this store writes its changed values to the store below it
 * (cached, changelogged, RocksDB) right there, so the changelog and the committed offsets stay one
 * transaction. A task closed dirty or revived (an error, a crash, a wiped state) has its stores closed and
 * initialised again ({@code close}, {@code init}), a task switched between active and standby has its caches
 * cleared ({@code clearCache}): each drops the live values, which are read again from the store below.
 *
 * <p>Callers must put what they change (every processor here does). Other threads (interactive queries over
 * HTTP) read the store below, which lags the live values by at most one commit interval. Range reads on the
 * task's thread first write the changed values down, so that they see them.
 */
final class LiveValueStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    private final Map<String, V> live = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private volatile Thread owner;

    private LiveValueStore(KeyValueStore<String, V> below) {
        super(below);
    }

    /** {@code below} (a cached, logged store's builder) with live values on top. */
    static <V> StoreBuilder<KeyValueStore<String, V>> builder(StoreBuilder<KeyValueStore<String, V>> below) {
        return new Builder<>(below);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        live.clear();
        changed.clear();
        owner = Thread.currentThread();
        super.init(context, root);
    }

    private boolean onTaskThread() {
        return Thread.currentThread() == owner;
    }

    @Override
    public V get(String key) {
        if (!onTaskThread()) {
            return wrapped().get(key);
        }
        V value = live.get(key);
        if (value == null) {
            value = wrapped().get(key);
            if (value != null) {
                live.put(key, value);
            }
        }
        return value;
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        live.put(key, value);
        changed.add(key);
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
        live.remove(key);
        changed.remove(key);
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

    /** Before the task commits: the changed values go down, and the next record reads them back once. */
    @Override
    public void flushCache() {
        writeDown();
        live.clear();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeDown();
        super.commit(changelogOffsets);
    }

    /** The task is recycled (active to standby or back): what was not flushed is gone, and so are the live values. */
    @Override
    public void clearCache() {
        live.clear();
        changed.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        live.clear();
        changed.clear();
        super.close();
    }

    /** Writes the changed values to the store below (on the task's thread only: others never write). */
    private void writeDown() {
        if (!onTaskThread() || changed.isEmpty()) {
            return;
        }
        for (String key : changed) {
            wrapped().put(key, live.get(key));
        }
        changed.clear();
    }

    private record Builder<V>(StoreBuilder<KeyValueStore<String, V>> below)
            implements StoreBuilder<KeyValueStore<String, V>> {

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            below.withCachingEnabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            below.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            below.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            below.withLoggingDisabled();
            return this;
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new LiveValueStore<>(below.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return below.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return below.loggingEnabled();
        }

        @Override
        public String name() {
            return below.name();
        }
    }
}
