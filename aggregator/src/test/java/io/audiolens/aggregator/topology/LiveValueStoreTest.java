package io.audiolens.aggregator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live values: the task's thread works on objects, the store below sees them when the task flushes
 * its caches before a commit, other threads read the store below, and clearing the caches (a task
 * recycled) loses what was not flushed. (Dirty closes go through {@code close} and {@code init}, which
 * start from an empty map; the kill/restart tests on the broker cover them.)
 */
class LiveValueStoreTest {

    /** A mutable value, 8 bytes in the store below: a fresh object on every read from there. */
    private static final Serde<AtomicLong> COUNTER = Serdes.serdeFrom(
            (topic, value) -> value == null ? null : ByteBuffer.allocate(8).putLong(value.get()).array(),
            (topic, bytes) -> bytes == null ? null : new AtomicLong(ByteBuffer.wrap(bytes).getLong()));

    private KeyValueStore<String, AtomicLong> store;

    @BeforeEach
    void openOnThisThread() {
        store = LiveValueStore.builder(Stores.inMemoryKeyValueStore("counts"), COUNTER).withLoggingDisabled().build();
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** What a thread other than the task's (an HTTP query) reads for {@code key}. */
    private Long fromAnotherThread(String key) {
        return fromAnotherThread(() -> {
            AtomicLong value = store.get(key);
            return value == null ? null : value.get();
        });
    }

    private static <T> T fromAnotherThread(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read).join();
    }

    @Test
    void shouldKeepTheObjectOnTheTaskThreadAndWriteItDownWhenTheTaskFlushes() {
        AtomicLong counter = new AtomicLong(1);
        store.put("a", counter);
        assertSame(counter, store.get("a"), "the task's thread reads back the object it put");
        assertNull(fromAnotherThread("a"), "not below before the flush");

        store.get("a").addAndGet(41);
        store.put("a", counter);
        assertSame(counter, store.get("a"));
        assertNull(fromAnotherThread("a"));

        ((LiveValueStore<AtomicLong>) store).flushCache();
        assertEquals(42L, fromAnotherThread("a"), "written down at the flush, as it was then");
        AtomicLong reread = store.get("a");
        assertEquals(42L, reread.get());
        reread.incrementAndGet();
        assertEquals(42L, fromAnotherThread("a"), "a change not put and not flushed stays on the task's thread");
    }

    @Test
    void shouldLoseWhatWasNotFlushedWhenItsCacheIsCleared() {
        store.put("a", new AtomicLong(5));
        ((LiveValueStore<AtomicLong>) store).flushCache();
        AtomicLong live = store.get("a");
        live.set(6);
        store.put("a", live);
        store.put("b", new AtomicLong(1));

        ((LiveValueStore<AtomicLong>) store).clearCache();

        assertEquals(5L, store.get("a").get(), "read again from below");
        assertNull(store.get("b"));
        ((LiveValueStore<AtomicLong>) store).flushCache();
        assertEquals(5L, fromAnotherThread("a"), "nothing left to write down");
        assertNull(fromAnotherThread("b"));
    }

    @Test
    void shouldSeeItsOwnChangesInRangesAndDeleteEverywhere() {
        store.put("a", new AtomicLong(1));
        store.put("b", new AtomicLong(2));
        ((LiveValueStore<AtomicLong>) store).flushCache();
        store.put("c", new AtomicLong(3));
        AtomicLong b = store.get("b");
        b.set(20);
        store.put("b", b);

        assertEquals(List.of("a=1", "b=20", "c=3"), entries(store.all()), "ranges see the changes not yet flushed");
        assertEquals(List.of("b=20", "c=3"), entries(store.range("b", "c")));

        assertEquals(20L, store.delete("b").get());
        assertNull(store.get("b"));
        assertNull(fromAnotherThread("b"), "deleted below at once");
        assertEquals(List.of("a=1", "c=3"), entries(store.all()));
        assertEquals(List.of("a=1", "c=3"), fromAnotherThread(() -> entries(store.all())));
    }

    @Test
    void shouldWriteEveryChangeDownToRocksDbInOneBatchAtTheFlush(@TempDir Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        MockProcessorContext<String, Long> context = new MockProcessorContext<>(config, new TaskId(0, 0),
                stateDir.toFile());
        KeyValueStore<String, AtomicLong> rocks = LiveValueStore.builder(Stores.persistentKeyValueStore("seen"), COUNTER)
                .withLoggingDisabled().build();
        rocks.init(context.getStateStoreContext(), rocks);
        try {
            for (int i = 0; i < 1000; i++) {
                rocks.put("k" + i, new AtomicLong(i));
            }
            for (int i = 0; i < 1000; i += 7) {
                rocks.put("k" + i, new AtomicLong(-i)); // changed again: its last value goes down
            }
            assertNull(CompletableFuture.supplyAsync(() -> rocks.get("k999")).join(), "nothing below before the flush");

            ((LiveValueStore<AtomicLong>) rocks).flushCache();

            for (int i = 0; i < 1000; i++) {
                int key = i;
                assertEquals(i % 7 == 0 ? -i : i, CompletableFuture.supplyAsync(() -> rocks.get("k" + key).get())
                        .join(), "k" + i + " below");
            }
            assertEquals(1000, entries(rocks.all()).size());
        } finally {
            rocks.close();
        }
    }

    private static List<String> entries(KeyValueIterator<String, AtomicLong> iterator) {
        List<String> entries = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> entries.add(kv.key + "=" + kv.value.get()));
        }
        return entries;
    }
}
