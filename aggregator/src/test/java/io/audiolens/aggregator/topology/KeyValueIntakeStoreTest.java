package io.audiolens.aggregator.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seen sample ids behind their filter: what was in the store and what is remembered is seen, the rest is not. */
class KeyValueIntakeStoreTest {

    private KeyValueStore<String, Boolean> seen;
    private KeyValueStore<String, Long> counts;
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void open() {
        seen = LiveValueStore.builder(Stores.inMemoryKeyValueStore("seen"), Serdes.Boolean()).withLoggingDisabled()
                .build();
        counts = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        seen.init(context.getStateStoreContext(), seen);
        counts.init(context.getStateStoreContext(), counts);
    }

    @AfterEach
    void close() {
        seen.close();
        counts.close();
    }

    /** {@link #seen}, its reads counted. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, Boolean> counted() {
        return (KeyValueStore<String, Boolean>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(seen, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String sample(int i) {
        return "bench-a|animal|original|clip-" + i;
    }

    @Test
    void shouldSeeTheIdsTheStoreHeldWhenItStartedAndThoseRememberedSince() {
        IntStream.range(0, 5_000).forEach(i -> seen.put(sample(i), Boolean.TRUE)); // restored before the processor
        KeyValueIntakeStore<Long> intake = new KeyValueIntakeStore<>(counts, counted());

        IntStream.range(0, 5_000).forEach(i -> assertTrue(intake.contains(sample(i)), sample(i)));
        IntStream.range(5_000, 10_000).forEach(i -> assertFalse(intake.contains(sample(i)), sample(i)));
        IntStream.range(5_000, 10_000).forEach(i -> intake.remember(sample(i)));
        IntStream.range(0, 10_000).forEach(i -> assertTrue(intake.contains(sample(i)), sample(i)));
        assertEquals(Boolean.TRUE, seen.get(sample(9_999)), "remembered in the store too");
    }

    @Test
    void shouldSeeAnIdWithALoneSurrogateAfterItsKeyWentThroughTheStore() {
        // Kafka's String serde writes a lone UTF-16 surrogate as '?': the key read back is not the key put
        String odd = "bench-a|animal|original|clip-\uD800x";
        String paired = "bench-a|animal|original|clip-\uD83D\uDE00";
        seen.put(odd, Boolean.TRUE);
        seen.put(paired, Boolean.TRUE);
        KeyValueIntakeStore<Long> intake = new KeyValueIntakeStore<>(counts, counted());
        assertTrue(intake.contains(odd), "the filter, filled from the store's keys, must not say 'not' for it");
        assertTrue(intake.contains(paired));
    }

    @Test
    void shouldNotReadTheStoreForNearlyEveryNewId() {
        IntStream.range(0, 5_000).forEach(i -> seen.put(sample(i), Boolean.TRUE));
        KeyValueIntakeStore<Long> intake = new KeyValueIntakeStore<>(counts, counted());
        reads.set(0);
        IntStream.range(5_000, 15_000).forEach(i -> {
            assertFalse(intake.contains(sample(i)));
            intake.remember(sample(i));
        });
        assertTrue(reads.get() < 300, reads + " RocksDB reads for 10,000 new ids; the filter should spare ~99 %");
        reads.set(0);
        IntStream.range(0, 15_000).forEach(i -> assertTrue(intake.contains(sample(i))));
        assertEquals(15_000, reads.get(), "a 'maybe' is always read: a duplicate is confirmed by the store");
    }
}
