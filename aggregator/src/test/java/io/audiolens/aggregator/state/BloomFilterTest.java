package io.audiolens.aggregator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BloomFilterTest {

    /** Sample keys as the aggregator builds them: a group key, then a sample id. */
    private static String sampleKey(String sample) {
        return "qwen2-audio-7b|animal|original|" + sample;
    }

    @Test
    void shouldSayMaybeForEveryStringAddedWhileItGrowsPastItsFirstCapacity() {
        BloomFilter filter = new BloomFilter(1000);
        IntStream.range(0, 200_000).forEach(i -> filter.add(sampleKey("clip-" + i)));
        assertEquals(200_000, filter.size());
        IntStream.range(0, 200_000).forEach(i ->
                assertTrue(filter.mightContain(sampleKey("clip-" + i)), "added, so never 'not': clip-" + i));
    }

    @Test
    void shouldSayNotForNearlyEveryStringNeverAdded() {
        BloomFilter full = new BloomFilter(100_000);
        IntStream.range(0, 100_000).forEach(i -> full.add(sampleKey("clip-" + i)));
        long falseMaybes = IntStream.range(0, 100_000)
                .filter(i -> full.mightContain(sampleKey(UUID.nameUUIDFromBytes(("other" + i).getBytes()).toString())))
                .count();
        // one filter filled to its capacity: 10 bits and 7 probes per string give about 0.8 %
        assertTrue(falseMaybes < 1_500, falseMaybes + " of 100,000 strings never added were 'maybe'");

        BloomFilter grown = new BloomFilter(1000); // 8 filters by 200,000: each adds its own false 'maybe's
        IntStream.range(0, 200_000).forEach(i -> grown.add(sampleKey("clip-" + i)));
        long grownFalseMaybes = IntStream.range(200_000, 300_000).filter(i -> grown.mightContain(sampleKey("clip-" + i)))
                .count();
        assertTrue(grownFalseMaybes < 10_000, grownFalseMaybes + " of 100,000 strings never added were 'maybe'");
    }

    @Test
    void shouldSayNotWhenEmpty() {
        BloomFilter filter = new BloomFilter();
        assertFalse(filter.mightContain(""));
        assertFalse(filter.mightContain(sampleKey("clip-0")));
        filter.add("");
        assertTrue(filter.mightContain(""));
    }

    @Test
    void shouldHashALoneSurrogateAsItsUtf8RoundTripAndAPairAsItself() {
        for (String key : new String[] {"clip-\uD800", "\uDC00clip", "a\uD83Db", "a\uDE00\uD83Db",
                "clip-\uD83D\uDE00", "\uD83D\uDE00\uD83D"}) {
            String roundTrip = new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals(BloomFilter.hash(roundTrip), BloomFilter.hash(key), key + " read back as " + roundTrip);
        }
        assertTrue(BloomFilter.hash("clip-\uD83D\uDE00") != BloomFilter.hash("clip-??"), "a valid pair is kept");
    }

    @Test
    void shouldHashStringsThatDifferInOneCharToUnrelatedValues() {
        long a = BloomFilter.hash(sampleKey("clip-1"));
        long b = BloomFilter.hash(sampleKey("clip-2"));
        int differing = Long.bitCount(a ^ b);
        assertTrue(differing > 16 && differing < 48, "about half of the 64 bits differ: " + differing);
    }
}
