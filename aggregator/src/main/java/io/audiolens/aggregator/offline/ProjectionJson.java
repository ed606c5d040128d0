package io.audiolens.aggregator.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One projections.jsonl line as a {@link LayerProjection}: {@code sampleId, model, attribute, prompt, view,
 * split, label (null or absent when unlabelled), labels, layerProbs (L, |labels|), modelPrediction} and
 * optionally {@code layers}. Enum values are case-insensitive ({@code "last"}, {@code "LAST"}).
 * Only the JSON is checked here; the record's content is checked where it is counted.
 */
final class ProjectionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionJson() {
    }

    /** The projection, or {@link IllegalArgumentException} saying what is wrong with the line. */
    static LayerProjection parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<List<Double>> layerProbs = matrix(node, "layerProbs");
        JsonNode layers = node.get("layers");
        return LayerProjection.newBuilder()
                .setSampleId(text(node, "sampleId"))
                .setModel(text(node, "model"))
                .setAttribute(text(node, "attribute"))
                .setPrompt(symbol(PromptFormat.class, node, "prompt"))
                .setView(symbol(View.class, node, "view"))
                .setSplit(symbol(Split.class, node, "split"))
                .setLabel(node.hasNonNull("label") ? text(node, "label") : null)
                .setLabels(texts(node, "labels"))
                .setLayerProbs(layerProbs)
                .setModelPrediction(text(node, "modelPrediction"))
                .setLayers(layers == null || layers.isNull() ? layerProbs.size() : integer(layers))
                .build();
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string, got " + value);
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E symbol(Class<E> type, JsonNode node, String name) {
        String value = text(node, name);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is '" + value + "', expected one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private static List<String> texts(JsonNode node, String name) {
        JsonNode array = field(node, name);
        List<String> texts = new ArrayList<>();
        for (JsonNode item : elements(array, name)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("\"" + name + "\" must hold strings, got " + item);
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static List<List<Double>> matrix(JsonNode node, String name) {
        List<List<Double>> rows = new ArrayList<>();
        for (JsonNode row : elements(field(node, name), name)) {
            List<Double> values = new ArrayList<>();
            for (JsonNode value : elements(row, name + " rows")) {
                if (!value.isNumber()) {
                    throw new IllegalArgumentException("\"" + name + "\" must hold numbers, got " + value);
                }
                values.add(value.doubleValue());
            }
            rows.add(values);
        }
        return rows;
    }

    private static Iterable<JsonNode> elements(JsonNode array, String name) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array, got " + array);
        }
        return array;
    }

    private static int integer(JsonNode value) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"layers\" must be an integer, got " + value);
        }
        return value.intValue();
    }
}
