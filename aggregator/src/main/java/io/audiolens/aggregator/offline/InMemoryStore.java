package io.audiolens.aggregator.offline;

import io.audiolens.aggregator.state.Intake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts and seen sample ids in memory, for the offline aggregation. */
final class InMemoryStore<C> implements Intake.Store<C> {

    private final Map<String, C> counts = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    @Override
    public C counts(String key) {
        return counts.get(key);
    }

    @Override
    public void put(String key, C value) {
        counts.put(key, value);
    }

    @Override
    public boolean contains(String sampleKey) {
        return seen.contains(sampleKey);
    }

    @Override
    public void remember(String sampleKey) {
        seen.add(sampleKey);
    }

    List<C> all() {
        return new ArrayList<>(counts.values());
    }
}
