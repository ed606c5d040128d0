package io.audiolens.aggregator.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.PromptFormat;
import java.util.List;

/**
 * One outcomes.jsonl line as an {@link EnrichmentOutcome}: {@code model, attribute, prompt, sampleId, label,
 * sourceLayer, targetLayer, lambdas, predictions} (one per λ), {@code randomSourceLayers} (one per seed)
 * and {@code randomPredictions} (seed × λ).
 */
public final class OutcomeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeJson() {
    }

    public static String line(EnrichmentOutcome o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", o.getModel());
        node.put("attribute", o.getAttribute());
        node.put("prompt", o.getPrompt().name());
        node.put("sampleId", o.getSampleId());
        node.put("label", o.getLabel());
        node.put("sourceLayer", o.getSourceLayer());
        node.put("targetLayer", o.getTargetLayer());
        o.getLambdas().forEach(node.putArray("lambdas")::add);
        o.getPredictions().forEach(node.putArray("predictions")::add);
        o.getRandomSourceLayers().forEach(node.putArray("randomSourceLayers")::add);
        ArrayNode random = node.putArray("randomPredictions");
        for (List<String> seed : o.getRandomPredictions()) {
            seed.forEach(random.addArray()::add);
        }
        return node.toString();
    }

    /** The outcome, or {@link IllegalArgumentException} saying what is wrong with the line. */
    public static EnrichmentOutcome parse(String line) {
        JsonNode node = JsonFields.object(line);
        return EnrichmentOutcome.newBuilder()
                .setModel(JsonFields.text(node, "model"))
                .setAttribute(JsonFields.text(node, "attribute"))
                .setPrompt(JsonFields.symbol(PromptFormat.class, node, "prompt"))
                .setSampleId(JsonFields.text(node, "sampleId"))
                .setLabel(JsonFields.text(node, "label"))
                .setSourceLayer(JsonFields.integer(JsonFields.field(node, "sourceLayer")))
                .setTargetLayer(JsonFields.integer(JsonFields.field(node, "targetLayer")))
                .setLambdas(JsonFields.numbers(node, "lambdas"))
                .setPredictions(JsonFields.texts(node, "predictions"))
                .setRandomSourceLayers(JsonFields.integers(node, "randomSourceLayers"))
                .setRandomPredictions(JsonFields.textMatrix(node, "randomPredictions"))
                .build();
    }
}
