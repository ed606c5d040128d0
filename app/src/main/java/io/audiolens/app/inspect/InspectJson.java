package io.audiolens.app.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.worker.lens.EnrichedPrediction;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.View;

/** The {@code inspect --json} object; probabilities are written as float32 values. */
public final class InspectJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectJson() {}

    public static ObjectNode toJson(LensReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", report.model());
        root.put("family", report.family());
        root.put("attribute", report.attribute());
        root.put("prompt", report.prompt());
        root.put("layers", report.layers());
        report.labels().forEach(root.putArray("labels")::add);
        ArrayNode ids = root.putArray("labelTokenIds");
        for (int id : report.labelTokenIds()) {
            ids.add(id);
        }
        root.put("promptTokens", report.promptTokens());
        root.put("audioTokens", report.audioTokens());
        if (report.transcript() != null) {
            ObjectNode transcript = root.putObject("transcript");
            transcript.put("text", report.transcript().text());
            ArrayNode transcriptIds = transcript.putArray("ids");
            for (long id : report.transcript().ids()) {
                transcriptIds.add(id);
            }
        }
        ObjectNode views = root.putObject("views");
        for (View view : View.values()) {
            ArrayNode layers = views.putArray(view.id());
            for (float[] layer : report.view(view)) {
                addAll(layers.addArray(), layer);
            }
        }
        root.put("prediction", report.prediction());
        ArrayNode enrichment = root.putArray("enrichment");
        for (EnrichedPrediction e : report.enrichment()) {
            ObjectNode node = enrichment.addObject();
            node.put("sourceLayer", e.enrichment().sourceLayer());
            node.put("targetLayer", e.enrichment().targetLayer());
            node.put("lambda", e.enrichment().lambda());
            addAll(node.putArray("finalProbs"), e.finalProbs());
            node.put("prediction", e.prediction());
        }
        return root;
    }

    public static String write(LensReport report) {
        return toJson(report).toString();
    }

    private static void addAll(ArrayNode array, float[] values) {
        for (float v : values) {
            array.add(v);
        }
    }
}
