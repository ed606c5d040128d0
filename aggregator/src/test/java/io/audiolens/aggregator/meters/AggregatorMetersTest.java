package io.audiolens.aggregator.meters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AggregatorMetersTest {

    @Test
    void shouldCountRecordsByKeyIntoOneCounterWhoeverCounts() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AggregatorMeters meters = new AggregatorMeters(registry);
        // two processors (two tasks' threads) and the one-off path count into the same registered counters
        KeyedCounter first = meters.records("projections", "counted");
        KeyedCounter second = meters.records("projections", "counted");
        for (int i = 0; i < 3; i++) {
            first.increment("m|a");
        }
        second.increment("m|a");
        second.increment("m|b");
        meters.record("projections", "m|a", "counted");
        meters.records("projections", "duplicate").increment("m|a");

        assertEquals(5.0, count(registry, "m|a", "counted"));
        assertEquals(1.0, count(registry, "m|b", "counted"));
        assertEquals(1.0, count(registry, "m|a", "duplicate"));
        assertEquals(3, registry.find("audiolens.aggregator.records").counters().size());
    }

    private static double count(SimpleMeterRegistry registry, String key, String outcome) {
        return registry.get("audiolens.aggregator.records").tags("stage", "projections", "key", key, "outcome", outcome)
                .counter().count();
    }
}
