package io.audiolens.aggregator.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of strings that answers "certainly not" or "maybe": never "not" for a string added. It grows as strings are
 * added (a new, twice larger filter each time the newest is full; a string is looked for in each), so it needs no
 * size up front. About 10 bits per string and 7 probes: under 1 % false "maybe" per filter.
 */
public final class BloomFilter {

    private static final int BITS_PER_ENTRY = 10;
    private static final int PROBES = 7;
    private static final int FIRST_CAPACITY = 1 << 14;

    private final List<Filter> filters = new ArrayList<>();

    public BloomFilter() {
        this(FIRST_CAPACITY);
    }

    /** Room for {@code capacity} strings in the first filter (at least 64). */
    public BloomFilter(int capacity) {
        filters.add(new Filter(Math.max(64, capacity)));
    }

    /**
     * A filter about to be filled with {@code present} strings (an estimate: one that is negative or too large to
     * double, as RocksDB's overflowed count, says nothing) and to grow from there: room for twice as many in its first
     * filter, {@link #FIRST_CAPACITY} at least, a bounded allocation at most.
     */
    public static BloomFilter sizedFor(long present) {
        long twice = present > Long.MAX_VALUE / 2 ? 0 : 2 * Math.max(0, present);
        return new BloomFilter((int) Math.min(Integer.MAX_VALUE / 64, Math.max(FIRST_CAPACITY, twice)));
    }

    public void add(String value) {
        long hash = hash(value);
        Filter newest = filters.get(filters.size() - 1);
        if (newest.count >= newest.capacity) {
            newest = new Filter(newest.capacity * 2L > Integer.MAX_VALUE / BITS_PER_ENTRY
                    ? newest.capacity : newest.capacity * 2);
            filters.add(newest);
        }
        newest.add(hash);
    }

    /** False only if {@code value} was never added. */
    public boolean mightContain(String value) {
        long hash = hash(value);
        for (Filter filter : filters) {
            if (filter.mightContain(hash)) {
                return true;
            }
        }
        return false;
    }

    /** Strings added (each time counted). */
    public long size() {
        return filters.stream().mapToLong(filter -> filter.count).sum();
    }

    /**
     * 64 bits of FNV-1a over the chars, mixed (SplitMix64's finaliser) so that every bit depends on every char. A
     * lone UTF-16 surrogate counts as {@code '?'}: that is what it becomes in UTF-8 (Kafka's String serde), so a key
     * read back from a store hashes as the key that was put.
     */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !paired(value, i)) {
                c = '?';
            }
            h = (h ^ c) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static boolean paired(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** One fixed-size filter: bit positions h1 + i·h2 (Kirsch and Mitzenmacher) from the two halves of the hash. */
    private static final class Filter {
        final int capacity;
        final long[] words;
        final long bits;
        int count;

        Filter(int capacity) {
            this.capacity = capacity;
            this.bits = (long) capacity * BITS_PER_ENTRY;
            this.words = new long[(int) ((bits + 63) / 64)];
        }

        void add(long hash) {
            for (int i = 0; i < PROBES; i++) {
                long bit = probe(hash, i);
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mightContain(long hash) {
            for (int i = 0; i < PROBES; i++) {
                long bit = probe(hash, i);
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The {@code i}-th bit of {@code hash}: h1 + i·h2 over the bits, h2 odd. */
        private long probe(long hash, int i) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            return Integer.toUnsignedLong(h1 + i * h2) % bits;
        }
    }
}
