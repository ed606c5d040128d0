package io.audiolens.aggregator.enrichment;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.schemas.View;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a view LAST group's complete probe set decides (RQ5): enrich from ℓ̄ = argmax of the information
 * score over the wrongly answered probe samples (lowest layer on ties) into ℓ̄ + k, or why not (k: the
 * paper's 5 scaled to the model's depth unless fixed, {@link AggregationParameters#targetOffset}).
 */
public sealed interface EnrichmentPlan {

    record Requested(int sourceLayer, int targetLayer) implements EnrichmentPlan {}

    /** Source and target are null when there is no source layer. */
    record Refused(Integer sourceLayer, Integer targetLayer, String reason) implements EnrichmentPlan {}

    /** Empty until the group is of view LAST and its probe set is complete; derived from counts only. */
    static Optional<EnrichmentPlan> of(GroupCounts counts, AggregationParameters parameters) {
        if (counts.group().view() != View.LAST || counts.probe().samples() < parameters.probeSize()) {
            return Optional.empty();
        }
        OptionalInt source = counts.probeIncorrect().bestLayer();
        if (source.isEmpty()) {
            return Optional.of(new Refused(null, null, "the model answered all " + counts.probe().samples()
                    + " probe samples correctly, so there is no information score over wrong answers to pick"
                    + " a source layer from"));
        }
        int sourceLayer = source.getAsInt();
        int offset = parameters.targetOffset(counts.layers());
        int targetLayer = sourceLayer + offset;
        if (targetLayer > counts.layers()) {
            return Optional.of(new Refused(sourceLayer, targetLayer, "source layer " + sourceLayer + " + "
                    + offset + " = " + targetLayer + " exceeds the model's " + counts.layers() + " layers"));
        }
        return Optional.of(new Requested(sourceLayer, targetLayer));
    }
}
