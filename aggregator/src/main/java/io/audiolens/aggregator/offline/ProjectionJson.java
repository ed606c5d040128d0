package io.audiolens.aggregator.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.aggregator.metrics.LowerCaseIds;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.util.List;

/**
 * One projections.jsonl line as a {@link LayerProjection}: {@code sampleId, model, attribute, prompt, view,
 * split, label (null or absent when unlabelled), labels, layerProbs (L, |labels|), modelPrediction} and
 * optionally {@code layers}. Enum values are case-insensitive ({@code "last"}, {@code "LAST"}).
 * Only the JSON is checked here; the record's content is checked where it is counted.
 */
public final class ProjectionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionJson() {
    }

    /** The line for one projection: views and splits as lower-case ids, prompts as P1..P3. */
    public static String line(LayerProjection p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sampleId", p.getSampleId());
        o.put("model", p.getModel());
        o.put("attribute", p.getAttribute());
        o.put("prompt", p.getPrompt().name());
        o.put("view", LowerCaseIds.id(p.getView()));
        o.put("split", LowerCaseIds.id(p.getSplit()));
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
        o.put("layers", p.getLayers());
        return o.toString();
    }

    /** The projection, or {@link IllegalArgumentException} saying what is wrong with the line. */
    public static LayerProjection parse(String line) {
        JsonNode node = JsonFields.object(line);
        List<List<Double>> layerProbs = JsonFields.matrix(node, "layerProbs");
        JsonNode layers = node.get("layers");
        return LayerProjection.newBuilder()
                .setSampleId(JsonFields.text(node, "sampleId"))
                .setModel(JsonFields.text(node, "model"))
                .setAttribute(JsonFields.text(node, "attribute"))
                .setPrompt(JsonFields.symbol(PromptFormat.class, node, "prompt"))
                .setView(JsonFields.symbol(View.class, node, "view"))
                .setSplit(JsonFields.symbol(Split.class, node, "split"))
                .setLabel(node.hasNonNull("label") ? JsonFields.text(node, "label") : null)
                .setLabels(JsonFields.texts(node, "labels"))
                .setLayerProbs(layerProbs)
                .setModelPrediction(JsonFields.text(node, "modelPrediction"))
                .setLayers(layers == null || layers.isNull() ? layerProbs.size() : JsonFields.integer(layers))
                .build();
    }
}
