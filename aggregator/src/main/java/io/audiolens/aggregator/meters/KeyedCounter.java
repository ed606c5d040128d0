package io.audiolens.aggregator.meters;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Counters of one kind by key, for one thread: each key's counter is found once, then kept here. */
public final class KeyedCounter {

    private final Function<String, Counter> find;
    private final Map<String, Counter> byKey = new HashMap<>();

    KeyedCounter(Function<String, Counter> find) {
        this.find = find;
    }

    public void increment(String key) {
        byKey.computeIfAbsent(key, find).increment();
    }
}
