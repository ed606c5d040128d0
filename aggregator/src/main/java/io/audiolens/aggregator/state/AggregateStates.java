package io.audiolens.aggregator.state;

import java.util.Collection;
import java.util.List;

/**
 * Everything the metrics are derived from: every group's and every enrichment request's counts, and how
 * many projections and outcomes were rejected. One instance's share, or all of them merged.
 */
public record AggregateStates(List<GroupCounts> groups, List<EnrichmentCounts> enrichments, long rejected,
        long rejectedOutcomes) {

    public AggregateStates {
        groups = List.copyOf(groups);
        enrichments = List.copyOf(enrichments);
    }

    /** The union of several instances' shares (their keys are disjoint: each task lives on one instance). */
    public static AggregateStates merge(Collection<AggregateStates> shares) {
        return new AggregateStates(
                shares.stream().flatMap(share -> share.groups().stream()).toList(),
                shares.stream().flatMap(share -> share.enrichments().stream()).toList(),
                shares.stream().mapToLong(AggregateStates::rejected).sum(),
                shares.stream().mapToLong(AggregateStates::rejectedOutcomes).sum());
    }
}
