package io.audiolens.aggregator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.LayerProjection;
import java.util.List;

/** Projections as projections.jsonl lines, written field by field (independently of the reader). */
public final class ProjectionLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionLines() {
    }

    public static String line(LayerProjection p) {
        ObjectNode node = JSON.createObjectNode()
                .put("sampleId", p.getSampleId()).put("model", p.getModel()).put("attribute", p.getAttribute())
                .put("prompt", p.getPrompt().name()).put("view", p.getView().name().toLowerCase())
                .put("split", p.getSplit().name().toLowerCase()).put("label", p.getLabel())
                .put("modelPrediction", p.getModelPrediction());
        node.putPOJO("labels", p.getLabels());
        node.putPOJO("layerProbs", p.getLayerProbs());
        return node.toString();
    }

    public static String lines(List<LayerProjection> projections) {
        StringBuilder text = new StringBuilder();
        projections.forEach(p -> text.append(line(p)).append('\n'));
        return text.toString();
    }
}
