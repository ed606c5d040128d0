package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.wire.ProbabilityRows;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Why a projection cannot be counted: malformed on its own, or at odds with its group's earlier projections. */
final class ProjectionCheck {

    private ProjectionCheck() {
    }

    /** The first problem found, or empty when the projection can be counted; {@code group} may be null. */
    static Optional<String> problem(LayerProjection p, GroupCounts group) {
        boolean groupsLabels = group != null && group.labels().equals(p.getLabels());
        return Keys.problemWithPart("model", p.getModel())
                .or(() -> Keys.problemWithPart("attribute", p.getAttribute()))
                .or(() -> p.getSampleId() == null || p.getSampleId().isBlank()
                        ? Optional.of("sampleId is blank") : Optional.empty())
                // a group's labels were checked with its first projection: the same list needs no second look
                .or(() -> groupsLabels ? Optional.empty() : labelProblem(p.getLabels()))
                .or(() -> shapeProblem(p))
                .or(() -> p.getLabels().contains(p.getModelPrediction()) ? Optional.empty()
                        : Optional.of("modelPrediction '" + p.getModelPrediction() + "' is not one of " + p.getLabels()))
                .or(() -> p.getLabel() == null || p.getLabels().contains(p.getLabel()) ? Optional.empty()
                        : Optional.of("label '" + p.getLabel() + "' is not one of " + p.getLabels()))
                .or(() -> group == null ? Optional.empty() : groupProblem(p, group, groupsLabels));
    }

    private static Optional<String> labelProblem(List<String> labels) {
        if (labels.size() < 2) {
            return Optional.of("labels " + labels + " must name at least two candidates");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            return Optional.of("labels " + labels + " repeat a label");
        }
        return Optional.empty();
    }

    private static Optional<String> shapeProblem(LayerProjection p) {
        List<List<Double>> probs = p.getLayerProbs();
        if (p.getLayers() < 1 || probs.size() != p.getLayers()) {
            return Optional.of("layerProbs has " + probs.size() + " rows but layers is " + p.getLayers()
                    + "; it must be (L, |labels|) with L >= 1");
        }
        for (int l = 0; l < probs.size(); l++) {
            List<Double> row = probs.get(l);
            if (row.size() != p.getLabels().size()) {
                return Optional.of("layerProbs row " + (l + 1) + " has " + row.size() + " entries for "
                        + p.getLabels().size() + " labels");
            }
            if (!ProbabilityRows.allFinite(row)) {
                return Optional.of("layerProbs row " + (l + 1) + " holds a non-finite probability: " + row);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> groupProblem(LayerProjection p, GroupCounts group, boolean groupsLabels) {
        if (!groupsLabels) {
            return Optional.of("labels " + p.getLabels() + " differ from " + group.labels() + " of the group's earlier"
                    + " projections; one group must keep one label set in one order");
        }
        if (group.layers() != p.getLayers()) {
            return Optional.of("layers " + p.getLayers() + " differs from " + group.layers() + " of the group's"
                    + " earlier projections");
        }
        return Optional.empty();
    }
}
