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
 * <p>The batches are the truth; the index is rebuilt from them. When the task's processor starts (after Kafka
 * Streams restored the batches): index entries of a batch the restored batches do not hold (written down before a
 * commit that failed, and kept because a store without a changelog is not rolled back) are deleted, the batches the
 * index has not taken yet (all of them, on a new instance or a wiped index; those after its mark otherwise) are
 * replayed into it, and the filter is filled from the index. The index's mark ({@link #MARK}, written in the same
 * RocksDB write batch as the batch's ids) says through which batch it holds every id.
 *
 * <p>{@code before}: the store of one record per id that aggregators before this format kept; still restored and read
 * (never written), so an application that ran them keeps counting each sample once.
 */
final class SeenIds {
    private static final Logger LOG = LoggerFactory.getLogger(SeenIds.class);
    /** The index's mark: a key without '|', which every sample key has. */
    static final String MARK = "batches-indexed-through";
    static final int CHUNK_BYTES = 256 * 1024;
    private static final byte FORMAT = 1;

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
        this.filter = BloomFilter.sizedFor(index.approximateNumEntries() + before.approximateNumEntries());
        long indexedThrough = fillFromIndex();
        if (indexedThrough < lastBatch) {
            replay(indexedThrough + 1);
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
        List<byte[]> chunks = pack(pending);
        for (int c = 0; c < chunks.size(); c++) {
            batches.put(batchKey(batch, c), chunks.get(c));
        }
        List<KeyValue<String, Long>> entries = new ArrayList<>(pending.size() + 1);
        pending.forEach(id -> entries.add(KeyValue.pair(id, batch)));
        entries.add(KeyValue.pair(MARK, batch));
        index.putAll(entries); // one RocksDB write batch: the mark moves with the ids
        pending.clear();
        lastBatch = batch;
    }

    /** Deletes entries of batches after the last restored one, fills the filter; returns the index's mark. */
    private long fillFromIndex() {
        long mark = 0;
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Long> ids = index.all()) {
            while (ids.hasNext()) {
                KeyValue<String, Long> id = ids.next();
                if (id.key.equals(MARK)) {
                    mark = id.value;
                } else if (id.value > lastBatch) {
                    stale.add(id.key);
                } else {
                    filter.add(id.key);
                }
            }
        }
        if (!stale.isEmpty() || mark > lastBatch) {
            LOG.info("{}: dropping {} ids of batches after {}, the last committed one (their commit failed)",
                    index.name(), stale.size(), lastBatch);
            stale.forEach(index::delete);
            mark = Math.min(mark, lastBatch);
            index.put(MARK, mark);
        }
        return mark;
    }

    /** Puts every id of batches {@code from} through {@link #lastBatch} into the index and the filter. */
    private void replay(long from) {
        try (KeyValueIterator<String, byte[]> chunks = batches.range(batchKey(from, 0), batchKey(lastBatch, Integer.MAX_VALUE))) {
            while (chunks.hasNext()) {
                KeyValue<String, byte[]> chunk = chunks.next();
                long batch = batchOf(chunk.key);
                List<KeyValue<String, Long>> entries = new ArrayList<>();
                for (String id : unpack(chunk.value)) {
                    entries.add(KeyValue.pair(id, batch));
                    filter.add(id);
                }
                index.putAll(entries);
            }
        }
        index.put(MARK, lastBatch);
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
    static List<byte[]> pack(Collection<String> ids) {
        List<byte[]> encoded = new ArrayList<>(ids.size());
        ids.forEach(id -> encoded.add(id.getBytes(StandardCharsets.UTF_8)));
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        while (from < encoded.size() || chunks.isEmpty()) {
            int size = 1;
            int to = from;
            while (to < encoded.size() && (to == from || size + Integer.BYTES + encoded.get(to).length <= CHUNK_BYTES)) {
                size += Integer.BYTES + encoded.get(to++).length;
            }
            ByteBuffer chunk = ByteBuffer.allocate(size).put(FORMAT);
            encoded.subList(from, to).forEach(id -> chunk.putInt(id.length).put(id));
            chunks.add(chunk.array());
            from = to;
        }
        return chunks;
    }

    static List<String> unpack(byte[] chunk) {
        try {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            StateFormat.expect(FORMAT, in.get(), "seen sample batches");
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
