package io.audiolens.aggregator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seen sample ids: what was remembered is seen, the rest is not; a commit logs one packed batch; the index is
 * rebuilt from the batches whatever state it was left in (wiped, behind, or ahead of them after a failed commit);
 * the store of earlier aggregators is still read; and the filter spares nearly every new id an index read.
 */
class SeenIdsTest {

    private final MockProcessorContext<String, Long> context = new MockProcessorContext<>();
    private KeyValueStore<String, Long> index;
    private KeyValueStore<String, byte[]> batches;
    private KeyValueStore<String, Boolean> before;
    private final AtomicInteger indexReads = new AtomicInteger();

    @BeforeEach
    void open() {
        index = plain("index", Serdes.Long());
        batches = LiveValueStore.builder(Stores.inMemoryKeyValueStore("batches"), Serdes.ByteArray())
                .withLoggingDisabled().build();
        batches.init(context.getStateStoreContext(), batches);
        before = plain("before", Serdes.Boolean());
    }

    private <V> KeyValueStore<String, V> plain(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    @AfterEach
    void close() {
        index.close();
        batches.close();
        before.close();
    }

    /** A processor starting on the stores as they are now; index reads counted. */
    private SeenIds started() {
        return new SeenIds(counted(index), batches, before);
    }

    /** What Kafka Streams does before each commit. */
    private void commit() {
        ((LiveStore<?, ?, ?>) batches).flushCache();
    }

    @SuppressWarnings("unchecked")
    private KeyValueStore<String, Long> counted(KeyValueStore<String, Long> store) {
        return (KeyValueStore<String, Long>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        indexReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String sample(int i) {
        return "bench-a|animal|original|last|clip-" + i;
    }

    private static void remember(SeenIds seen, int from, int to) {
        IntStream.range(from, to).forEach(i -> {
            assertFalse(seen.contains(sample(i)), sample(i));
            seen.remember(sample(i));
        });
    }

    /** A processor that remembered samples 0 to the first end and committed, then to the next end and committed... */
    private SeenIds committedBatches(int... ends) {
        SeenIds seen = started();
        int from = 0;
        for (int end : ends) {
            remember(seen, from, end);
            commit();
            from = end;
        }
        return seen;
    }

    private static void assertSeen(SeenIds seen, int from, int to) {
        IntStream.range(from, to).forEach(i -> assertTrue(seen.contains(sample(i)), sample(i)));
    }

    /** The batches store's content: batch key → its ids. */
    private List<KeyValue<String, List<String>>> batchesBelow() {
        List<KeyValue<String, List<String>>> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> chunks = batches.all()) {
            chunks.forEachRemaining(chunk -> all.add(KeyValue.pair(chunk.key, SeenIds.unpack(chunk.value))));
        }
        return all;
    }

    @Test
    void shouldLogTheIdsOfACommitIntervalAsOneBatchAndIndexThem() {
        SeenIds seen = started();
        remember(seen, 0, 3);
        assertSeen(seen, 0, 3);
        assertEquals(List.of(), batchesBelow(), "nothing logged before the commit");
        commit();
        remember(seen, 3, 5);
        commit();
        commit(); // nothing remembered: no batch

        assertEquals(List.of(KeyValue.pair("0000000000000001.00000000", List.of(sample(0), sample(1), sample(2))),
                KeyValue.pair("0000000000000002.00000000", List.of(sample(3), sample(4)))), batchesBelow());
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L), List.of(index.get(sample(0)), index.get(sample(1)),
                index.get(sample(2)), index.get(sample(3)), index.get(sample(4)), index.get(SeenIds.MARK)));
        assertSeen(seen, 0, 5);
        assertFalse(seen.contains(sample(5)));
    }

    @Test
    void shouldRebuildAWipedIndexFromTheBatches() {
        committedBatches(1_000, 1_500);
        index.close();
        index = plain("index", Serdes.Long()); // a new instance, or a task directory wiped: no index

        SeenIds restarted = started();
        assertSeen(restarted, 0, 1_500);
        assertFalse(restarted.contains(sample(1_500)));
        assertEquals(2L, index.get(sample(1_499)));
        assertEquals(2L, index.get(SeenIds.MARK));
        remember(restarted, 1_500, 1_501);
        commit();
        assertEquals(3, SeenIds.batchOf(batchesBelow().get(2).key), "numbering goes on from the batches");
    }

    @Test
    void shouldReplayOnlyTheBatchesAfterTheIndexMark() {
        committedBatches(10, 20);
        // the index as if it had missed batch 2 (left behind while a standby followed the batches)
        IntStream.range(10, 20).forEach(i -> index.delete(sample(i)));
        index.put(SeenIds.MARK, 1L);
        index.put(SeenIds.MARK_STAMP, SeenIds.stampOf(batches.get(SeenIds.batchKey(1, 0))));
        index.delete(sample(0)); // a trace: batch 1, which the mark says the index holds, must not be read again

        SeenIds restarted = started();
        assertSeen(restarted, 1, 20);
        assertEquals(2L, index.get(sample(15)));
        assertEquals(2L, index.get(SeenIds.MARK));
        assertNull(index.get(sample(0)), "batch 1 was replayed");
    }

    @Test
    void shouldForgetIdsIndexedForABatchWhoseCommitFailed() {
        committedBatches(10, 20);
        // the transaction of batch 2 aborted: its changelog record is gone from the restored batches, but the index
        // (no changelog) still holds its ids (Kafka Streams would wipe it under exactly-once; SeenIds does not rely on it)
        batches.delete(SeenIds.batchKey(2, 0));

        SeenIds restarted = started();
        assertSeen(restarted, 0, 10);
        IntStream.range(10, 20).forEach(i -> assertNull(index.get(sample(i)), "stale " + sample(i)));
        assertEquals(1L, index.get(SeenIds.MARK));
        remember(restarted, 10, 20); // counted again, as the replayed input asks
        commit();
        assertSeen(started(), 0, 20);
        assertEquals(List.of("0000000000000001.00000000", "0000000000000002.00000000"),
                batchesBelow().stream().map(batch -> batch.key).toList());
    }

    @Test
    void shouldRebuildAnIndexWhoseBatchOfTheMarksNumberIsNotTheCommittedOne() {
        committedBatches(10, 20);
        // batch 2 of this index never committed; another writer committed a batch 2 of other ids
        batches.put(SeenIds.batchKey(2, 0), SeenIds.pack(IntStream.range(20, 30).mapToObj(SeenIdsTest::sample)
                .toList(), 42).get(0));
        commit();

        SeenIds restarted = started();
        assertSeen(restarted, 0, 10);
        assertSeen(restarted, 20, 30);
        IntStream.range(10, 20).forEach(i -> assertFalse(restarted.contains(sample(i)), "not committed: " + sample(i)));
        assertEquals(42L, index.get(SeenIds.MARK_STAMP));
        assertEquals(2L, index.get(sample(25)));
    }

    @Test
    void shouldSplitABigBatchIntoChunksAndReplayThemAll() {
        SeenIds seen = started();
        String padding = "x".repeat(200);
        IntStream.range(0, 5_000).forEach(i -> seen.remember(sample(i) + padding)); // ~1.2 MB of ids
        commit();
        List<KeyValue<String, List<String>>> chunks = batchesBelow();
        assertEquals(5, chunks.size(), "chunks of at most 256 KB");
        try (KeyValueIterator<String, byte[]> below = batches.all()) {
            below.forEachRemaining(chunk -> assertTrue(chunk.value.length <= SeenIds.CHUNK_BYTES, chunk.key));
        }
        assertEquals(5_000, chunks.stream().mapToInt(chunk -> chunk.value.size()).sum());
        index.close();
        index = plain("index", Serdes.Long());

        SeenIds restarted = started();
        IntStream.range(0, 5_000).forEach(i -> assertTrue(restarted.contains(sample(i) + padding)));
    }

    @Test
    void shouldSeeTheIdsOfTheStoreEarlierAggregatorsKeptWithoutWritingIt() {
        IntStream.range(0, 100).forEach(i -> before.put(sample(i), Boolean.TRUE));
        SeenIds seen = started();
        assertSeen(seen, 0, 100);
        remember(seen, 100, 200);
        commit();
        assertEquals(100, before.approximateNumEntries());
        assertSeen(started(), 0, 200);
    }

    @Test
    void shouldSeeAnIdWithALoneSurrogateAfterItWentThroughTheStores() {
        // Kafka's String serde and UTF-8 write a lone UTF-16 surrogate as '?': the key read back is not the key put
        String odd = "bench-a|animal|original|last|clip-\uD800x";
        String paired = "bench-a|animal|original|last|clip-\uD83D\uDE00";
        SeenIds seen = started();
        seen.remember(odd);
        seen.remember(paired);
        commit();
        assertTrue(started().contains(odd), "the filter, filled from the index's keys, must not say 'not' for it");
        index.close();
        index = plain("index", Serdes.Long());
        SeenIds replayed = started();
        assertTrue(replayed.contains(odd), "nor when filled from the batches");
        assertTrue(replayed.contains(paired));
    }

    @Test
    void shouldNotReadTheIndexForNearlyEveryNewId() {
        SeenIds seen = started();
        remember(seen, 0, 5_000);
        commit();
        SeenIds restarted = started();
        indexReads.set(0);
        remember(restarted, 5_000, 15_000);
        assertTrue(indexReads.get() < 300, indexReads + " index reads for 10,000 new ids; the filter should spare ~99 %");
        commit();
        indexReads.set(0);
        assertSeen(restarted, 0, 15_000);
        assertEquals(15_000, indexReads.get(), "a 'maybe' is always read: a duplicate is confirmed by the index");
    }
}
