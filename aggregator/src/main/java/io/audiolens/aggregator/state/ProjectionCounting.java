package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
import java.util.Optional;

/** Projections counted per group; the probe set is the first {@code probeSize} labelled PROBE samples. */
public record ProjectionCounting(int probeSize) implements Counting<LayerProjection, GroupCounts> {

    public ProjectionCounting {
        if (probeSize < 1) {
            throw new IllegalArgumentException("probe size must be at least 1, got " + probeSize);
        }
    }

    @Override
    public String key(LayerProjection projection) {
        return GroupKey.of(projection).asKey();
    }

    @Override
    public String sampleId(LayerProjection projection) {
        return projection.getSampleId();
    }

    @Override
    public Optional<String> problem(LayerProjection projection, GroupCounts current) {
        return ProjectionCheck.problem(projection, current);
    }

    @Override
    public GroupCounts empty(LayerProjection first) {
        return GroupCounts.empty(first);
    }

    @Override
    public boolean add(GroupCounts counts, LayerProjection projection) {
        return counts.add(projection, probeSize);
    }

    @Override
    public void countDuplicate(GroupCounts counts) {
        counts.countDuplicate();
    }
}
