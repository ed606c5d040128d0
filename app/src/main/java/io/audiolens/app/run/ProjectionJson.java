package io.audiolens.app.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.LayerProjection;
import java.util.List;
import java.util.Locale;

/**
 * One line of {@code projections.jsonl}: {@code sampleId, model, attribute, prompt, view, split, label,
 * labels, layerProbs} (L × |Y|) and {@code modelPrediction}. Views and splits are lower-case ids
 * ({@code last}, {@code probe}), prompts {@code P1}..{@code P3}.
 */
public final class ProjectionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionJson() {}

    public static String line(LayerProjection p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sampleId", p.getSampleId());
        o.put("model", p.getModel());
        o.put("attribute", p.getAttribute());
        o.put("prompt", p.getPrompt().name());
        o.put("view", p.getView().name().toLowerCase(Locale.ROOT));
        o.put("split", p.getSplit().name().toLowerCase(Locale.ROOT));
        if (p.getLabel() == null) {
            o.putNull("label");
        } else {
            o.put("label", p.getLabel());
        }
        p.getLabels().forEach(o.putArray("labels")::add);
        ArrayNode layers = o.putArray("layerProbs");
        for (List<Double> layer : p.getLayerProbs()) {
            ArrayNode row = layers.addArray();
            layer.forEach(row::add);
        }
        o.put("modelPrediction", p.getModelPrediction());
        return o.toString();
    }
}
