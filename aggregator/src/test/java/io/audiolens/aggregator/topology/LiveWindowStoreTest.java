package io.audiolens.aggregator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live windows: the task's thread works on window objects, the store below sees them when the task flushes its
 * caches before a commit (in the order they last changed, as a record cache flushes), other threads read the store
 * below, ranges see the changes.
 */
class LiveWindowStoreTest {

    private static final Serde<AtomicLong> COUNTER = Serdes.serdeFrom(
            (topic, value) -> value == null ? null : ByteBuffer.allocate(8).putLong(value.get()).array(),
            (topic, bytes) -> bytes == null ? null : new AtomicLong(ByteBuffer.wrap(bytes).getLong()));
    private static final long RETENTION = 10_000;

    private LiveWindowStore<AtomicLong> store;

    @BeforeEach
    void openOnThisThread() {
        WindowStore<String, AtomicLong> built = LiveWindowStore.builder(Stores.inMemoryWindowStore("windows",
                Duration.ofMillis(RETENTION), Duration.ofMillis(1000), false), COUNTER).withLoggingDisabled().build();
        store = (LiveWindowStore<AtomicLong>) built;
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Long fromAnotherThread(String key, long start) {
        return fromAnotherThread(() -> {
            AtomicLong value = store.fetch(key, start);
            return value == null ? null : value.get();
        });
    }

    private static <T> T fromAnotherThread(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read).join();
    }

    @Test
    void shouldKeepTheWindowOnTheTaskThreadAndWriteItDownWhenTheTaskFlushes() {
        AtomicLong window = new AtomicLong(1);
        store.put("a", window, 0);
        assertSame(window, store.fetch("a", 0));
        assertNull(store.fetch("a", 1000), "another window of the key");
        assertNull(fromAnotherThread("a", 0), "not below before the flush");

        store.fetch("a", 0).addAndGet(41);
        store.put("a", window, 0);
        store.flushCache();

        assertEquals(42L, fromAnotherThread("a", 0));
        AtomicLong reread = store.fetch("a", 0);
        reread.incrementAndGet();
        assertEquals(42L, fromAnotherThread("a", 0), "a change not put and not flushed stays on the task's thread");
    }

    @Test
    void shouldBuildAsAWindowStoreForKafkaStreamsAndRefuseDuplicates() {
        // Kafka Streams 4.3 gives a changelog compact,delete and the store's retention only when the builder is its
        // own window store builder; a wrapper of another class would get a changelog compacted forever
        StoreBuilder<WindowStore<String, AtomicLong>> builder = LiveWindowStore.builder(Stores.persistentWindowStore(
                "w", Duration.ofMillis(RETENTION), Duration.ofMillis(1000), false), COUNTER);
        assertInstanceOf(WindowStoreBuilder.class, builder);
        assertEquals(RETENTION, ((WindowStoreBuilder<?, ?>) builder).retentionPeriod());
        assertInstanceOf(LiveWindowStore.class, builder.withLoggingDisabled().build());
        assertThrows(IllegalArgumentException.class, () -> LiveWindowStore.builder(Stores.persistentWindowStore(
                "d", Duration.ofMillis(RETENTION), Duration.ofMillis(1000), true), COUNTER));
    }

    @Test
    void shouldSeeItsOwnChangesInRangesAndDeleteEverywhere() {
        store.put("a", new AtomicLong(1), 0);
        store.flushCache();
        store.put("a", new AtomicLong(2), 1000);
        store.put("b", new AtomicLong(3), 1000);

        assertEquals(List.of("0=1", "1000=2"), windows(store.fetch("a", 0, 1000)));
        assertEquals(List.of("0=1", "1000=2"), windows(store.fetch("a", Instant.EPOCH, Instant.ofEpochMilli(1000))));
        assertEquals(List.of("a@0=1", "a@1000=2", "b@1000=3"), keyed(store.all()));
        assertEquals(List.of("a@1000=2", "b@1000=3"), keyed(store.fetchAll(1000, 1000)));
        assertEquals(List.of("b@1000=3"), fromAnotherThread(() -> keyed(store.fetch("b", "b", 0, 2000))),
                "written down by the range reads before");

        store.put("a", null, 1000);
        assertNull(store.fetch("a", 1000));
        assertNull(fromAnotherThread("a", 1000), "deleted below at once");
        assertEquals(List.of("a@0=1", "b@1000=3"), keyed(store.all()));
    }

    @Test
    void shouldWriteDownInTheOrderTheWindowsLastChanged() {
        List<String> written = new ArrayList<>();
        LiveStore<WindowStore<String, AtomicLong>, String, AtomicLong> recording =
                new LiveStore<>(Stores.windowStoreBuilder(Stores.inMemoryWindowStore("recorded",
                        Duration.ofMillis(RETENTION), Duration.ofMillis(1000), false), Serdes.String(), COUNTER)
                        .withLoggingDisabled().build()) {
                    @Override
                    protected void writeBelow(Map<String, AtomicLong> changes) {
                        changes.forEach((where, value) -> written.add(where + "=" + value.get()));
                    }
                };
        recording.init(new MockProcessorContext<>().getStateStoreContext(), recording);
        recording.change("a@0", new AtomicLong(1));
        recording.change("b@0", new AtomicLong(2));
        recording.change("a@0", new AtomicLong(3)); // a window closed after b changed: written after b's, as a cache does
        recording.change("c@30000", new AtomicLong(4));

        recording.flushCache();

        assertEquals(List.of("b@0=2", "a@0=3", "c@30000=4"), written);
        recording.close();
    }

    @Test
    void shouldLoseWhatWasNotFlushedWhenItsCacheIsCleared() {
        store.put("a", new AtomicLong(5), 0);
        store.flushCache();
        AtomicLong live = store.fetch("a", 0);
        live.set(6);
        store.put("a", live, 0);
        store.put("b", new AtomicLong(1), 0);

        store.clearCache();

        assertEquals(5L, store.fetch("a", 0).get(), "read again from below");
        assertNull(store.fetch("b", 0));
        store.flushCache();
        assertEquals(5L, fromAnotherThread("a", 0));
        assertNull(fromAnotherThread("b", 0));
    }

    private static List<String> windows(WindowStoreIterator<AtomicLong> iterator) {
        List<String> windows = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining((KeyValue<Long, AtomicLong> kv) -> windows.add(kv.key + "=" + kv.value.get()));
        }
        return windows;
    }

    private static List<String> keyed(KeyValueIterator<Windowed<String>, AtomicLong> iterator) {
        List<String> entries = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> entries.add(kv.key.key() + "@" + kv.key.window().start() + "="
                    + kv.value.get()));
        }
        return entries;
    }
}
