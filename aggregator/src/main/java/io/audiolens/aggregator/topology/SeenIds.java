package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.state.BloomFilter;
import io.audiolens.aggregator.state.StateFormat;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample keys (group key|sample id) one task has counted, so that each counts once. The ids remembered between
 * two commits are logged as one packed batch (chunks of at most {@value #CHUNK_BYTES} bytes) in a changelogged
 * store, not one changelog record per id: a record per projection was a fifth of the stream thread's work. Lookups
 * go to an index without a changelog (RocksDB: id → the number of its batch), written when the batch is, and a Bloom
 * filter in front of it answers "not seen" for nearly every new id without a read (its "maybe" reads the index).
 *
 * <p>The batches are the truth; the index is brought in line with them when the task's processor starts (after
 * Kafka Streams restored the batches). The index's mark ({@link #MARK}, written in the same RocksDB write batch as a
 * batch's ids) names the last batch it holds, and {@link #MARK_STAMP} that batch's random stamp, which its chunks
 * carry too. If the restored batch of that number carries the same stamp, the index holds the same history and only
 * the batches after the mark are replayed into it; if the index is ahead of the batches or its batch of that number
 * is another one (a batch written down before a commit that failed, and its number used again by a later commit),
 * it is cleared and every batch replayed. (Under exactly-once Kafka Streams wipes a task's stores after a failed
 * commit or a crash anyway; this check does not rely on it.) The filter is sized and filled from the index after
 * that. A replay takes about what restoring one changelog record per id took (RocksDB writes ~1-2 M keys/s) and
 * runs on the stream thread inside the processor's initialisation; it is logged when it takes a second or more.
 *
 * <p>{@code before}: the store of one record per id that aggregators before this format kept; still restored and read
 * (never written), so an application that ran them keeps counting each sample once.
 */
final class SeenIds {
    private static final Logger LOG = LoggerFactory.getLogger(SeenIds.class);
    /** The index's mark and its batch's stamp: keys without '|', which every sample key has. */
    static final String MARK = "batches-indexed-through";
    static final String MARK_STAMP = "batches-indexed-through-stamp";
    static final int CHUNK_BYTES = 256 * 1024;
    private static final byte FORMAT = 1;
    /** Format byte and stamp at the head of every chunk. */
    private static final int HEADER_BYTES = 1 + Long.BYTES;

    private final KeyValueStore<String, Long> index;
    private final KeyValueStore<String, byte[]> batches;
    private final KeyValueStore<String, Boolean> before;
    private final boolean anyBefore;
    private final BloomFilter filter;
    /** Remembered since the last write-down, in order. */
    private final Set<String> pending = new LinkedHashSet<>();
    private long lastBatch;

    /**
     * Over a task's restored stores; {@code batches} must be a {@link LiveStore}, whose flush before each commit
     * writes the ids remembered since the last one down ({@link #writeDown}).
     */
    SeenIds(KeyValueStore<String, Long> index, KeyValueStore<String, byte[]> batches,
            KeyValueStore<String, Boolean> before) {
        this.index = index;
        this.batches = batches;
        this.before = before;
        long start = System.nanoTime();
        this.lastBatch = lastBatch(batches);
        this.anyBefore = hasAny(before);
        long indexedThrough = inLineWithBatches();
        if (indexedThrough < lastBatch) {
            replay(indexedThrough + 1);
        }
        this.filter = BloomFilter.sizedFor(saturatedSum(index.approximateNumEntries(), before.approximateNumEntries()));
        try (KeyValueIterator<String, Long> ids = index.all()) {
            ids.forEachRemaining(id -> {
                if (!isMark(id.key)) {
                    filter.add(id.key);
                }
            });
        }
        if (anyBefore) {
            try (KeyValueIterator<String, Boolean> ids = before.all()) {
                ids.forEachRemaining(id -> filter.add(id.key));
            }
        }
        LiveStore.of(batches).beforeFlush(this::writeDown);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis >= 1000) {
            LOG.info("{}: {} seen sample ids through batch {} read in {} ms", index.name(), filter.size(), lastBatch,
                    millis);
        }
    }

    boolean contains(String sampleKey) {
        return filter.mightContain(sampleKey) && (pending.contains(sampleKey) || index.get(sampleKey) != null
                || anyBefore && before.get(sampleKey) != null);
    }

    /** A sample key not seen before ({@link #contains} said so): seen from now on, logged at the next commit. */
    void remember(String sampleKey) {
        filter.add(sampleKey);
        pending.add(sampleKey);
    }

    /** Before the task commits: the ids remembered since the last commit go down as the next batch, and into the index. */
    private void writeDown() {
        if (pending.isEmpty()) {
            return;
        }
        long batch = lastBatch + 1;
        long stamp = ThreadLocalRandom.current().nextLong();
        List<byte[]> chunks = pack(pending, stamp);
        for (int c = 0; c < chunks.size(); c++) {
            batches.put(batchKey(batch, c), chunks.get(c));
        }
        List<KeyValue<String, Long>> entries = new ArrayList<>(pending.size() + 2);
        pending.forEach(id -> entries.add(KeyValue.pair(id, batch)));
        entries.add(KeyValue.pair(MARK, batch));
        entries.add(KeyValue.pair(MARK_STAMP, stamp));
        index.putAll(entries); // one RocksDB write batch: the mark moves with the ids
        pending.clear();
        lastBatch = batch;
    }

    /**
     * The last batch the index holds, once it holds only batches of the restored history: its mark if the restored
     * batch of that number carries the stamp the index noted, else 0 after clearing it.
     */
    private long inLineWithBatches() {
        Long mark = index.get(MARK);
        Long stamp = index.get(MARK_STAMP);
        if (mark == null) {
            if (hasAny(index)) { // ids without a mark: not written by this class
                clearIndex("it has no mark");
            }
            return 0;
        }
        byte[] first = mark <= lastBatch ? batches.get(batchKey(mark, 0)) : null;
        if (first != null && stamp != null && stampOf(first) == stamp) {
            return mark;
        }
        clearIndex(mark > lastBatch ? "it holds batches through " + mark + ", the last committed one is " + lastBatch
                : "its batch " + mark + " is not the committed batch " + mark);
        return 0;
    }

    private void clearIndex(String why) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = index.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        LOG.info("{}: rebuilding it from the committed batches, {}; {} entries dropped", index.name(), why,
                keys.size());
        keys.forEach(index::delete);
    }

    private static boolean isMark(String key) {
        return key.equals(MARK) || key.equals(MARK_STAMP);
    }

    private static long saturatedSum(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** Puts every id of batches {@code from} through {@link #lastBatch} into the index; the mark moves to the last. */
    private void replay(long from) {
        long stamp = 0;
        try (KeyValueIterator<String, byte[]> chunks = batches.range(batchKey(from, 0),
                batchKey(lastBatch, Integer.MAX_VALUE))) {
            while (chunks.hasNext()) {
                KeyValue<String, byte[]> chunk = chunks.next();
                long batch = batchOf(chunk.key);
                List<KeyValue<String, Long>> entries = new ArrayList<>();
                for (String id : unpack(chunk.value)) {
                    entries.add(KeyValue.pair(id, batch));
                }
                index.putAll(entries);
                stamp = stampOf(chunk.value);
            }
        }
        index.putAll(List.of(KeyValue.pair(MARK, lastBatch), KeyValue.pair(MARK_STAMP, stamp)));
    }

    /** Batch and chunk numbers in fixed-width hex: the store's byte order is theirs. */
    static String batchKey(long batch, int chunk) {
        return String.format(Locale.ROOT, "%016x.%08x", batch, chunk);
    }

    static long batchOf(String batchKey) {
        return Long.parseUnsignedLong(batchKey.substring(0, 16), 16);
    }

    private static long lastBatch(KeyValueStore<String, byte[]> batches) {
        try (KeyValueIterator<String, byte[]> last = batches.reverseAll()) {
            return last.hasNext() ? batchOf(last.next().key) : 0;
        }
    }

    private static boolean hasAny(KeyValueStore<String, ?> store) {
        try (KeyValueIterator<String, ?> all = store.all()) {
            return all.hasNext();
        }
    }

    /**
     * The ids as UTF-8 (as the String serde stores a key), in chunks of at most {@value #CHUNK_BYTES} bytes (an id
     * longer than that alone in its chunk).
     */
    static List<byte[]> pack(Collection<String> ids, long stamp) {
        List<byte[]> encoded = new ArrayList<>(ids.size());
        ids.forEach(id -> encoded.add(id.getBytes(StandardCharsets.UTF_8)));
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        while (from < encoded.size() || chunks.isEmpty()) {
            int size = HEADER_BYTES;
            int to = from;
            while (to < encoded.size() && (to == from || size + Integer.BYTES + encoded.get(to).length <= CHUNK_BYTES)) {
                size += Integer.BYTES + encoded.get(to++).length;
            }
            ByteBuffer chunk = ByteBuffer.allocate(size).put(FORMAT).putLong(stamp);
            encoded.subList(from, to).forEach(id -> chunk.putInt(id.length).put(id));
            chunks.add(chunk.array());
            from = to;
        }
        return chunks;
    }

    static long stampOf(byte[] chunk) {
        if (chunk.length < HEADER_BYTES) {
            throw new IllegalStateException("a seen sample batch of " + chunk.length + " bytes has no stamp");
        }
        return ByteBuffer.wrap(chunk, 1, Long.BYTES).getLong();
    }

    static List<String> unpack(byte[] chunk) {
        try {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            StateFormat.expect(FORMAT, in.get(), "seen sample batches");
            in.getLong(); // the stamp
            List<String> ids = new ArrayList<>();
            while (in.hasRemaining()) {
                int length = in.getInt();
                ids.add(new String(chunk, in.position(), length, StandardCharsets.UTF_8));
                in.position(in.position() + length);
            }
            return ids;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("a seen sample batch is cut short or corrupt", e);
        }
    }
}
