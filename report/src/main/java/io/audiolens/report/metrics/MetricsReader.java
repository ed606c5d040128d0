package io.audiolens.report.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Reads the aggregator's metrics.json, ignoring fields it does not know. */
public final class MetricsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsReader() {}

    public static RunMetrics read(Path metricsJson) throws IOException {
        if (!Files.isRegularFile(metricsJson)) {
            throw new IllegalArgumentException("no metrics file at " + metricsJson
                    + "; pass the metrics.json written by `audiolens aggregate` or the aggregator's endpoint");
        }
        JsonNode root = JSON.readTree(metricsJson.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(metricsJson + " is not a JSON object; expected the aggregator's "
                    + "metrics.json ({\"groups\": [...], \"tableII\": [...], ...})");
        }
        List<Group> groups = new ArrayList<>();
        List<JsonNode> groupNodes = JsonFields.objects(root, "groups");
        for (int i = 0; i < groupNodes.size(); i++) {
            groups.add(group(groupNodes.get(i), metricsJson + " groups[" + i + "]"));
        }
        List<TableIIRow> tableII = JsonFields.objects(root, "tableII").stream().map(row -> new TableIIRow(
                JsonFields.requiredText(row, "model", "a tableII row"),
                JsonFields.requiredText(row, "attribute", "a tableII row"),
                JsonFields.number(row, "criticalLayer"), JsonFields.number(row, "accuracy"))).toList();
        List<Correlation> correlations = JsonFields.objects(root, "correlations").stream().map(row -> new Correlation(
                JsonFields.requiredText(row, "model", "a correlations row"), JsonFields.number(row, "r"),
                JsonFields.number(row, "p"), JsonFields.numberOrListSize(row, "points"),
                JsonFields.number(row, "rExcludingGender"), JsonFields.number(row, "pExcludingGender"),
                JsonFields.numberOrListSize(row, "pointsExcludingGender"))).toList();
        List<Enrichment> enrichment = JsonFields.objects(root, "enrichment").stream()
                .map(MetricsReader::enrichment).toList();
        Double rejectedOutcomes = JsonFields.number(root, "rejectedOutcomes");
        return new RunMetrics(List.copyOf(groups), tableII, correlations, enrichment, JsonFields.count(root, "rejected"),
                rejectedOutcomes == null ? null : Math.round(rejectedOutcomes));
    }

    private static Group group(JsonNode node, String where) {
        List<Double> infoScore = JsonFields.numbers(node, "infoScore");
        Double chance = JsonFields.number(node, "chance");
        if (chance == null) {
            JsonNode labels = node.get("labels");
            if (labels == null || !labels.isArray() || labels.isEmpty()) {
                throw new IllegalArgumentException(where + " has neither \"chance\" nor \"labels\"; the report "
                        + "needs 1/|Y| to draw the chance line");
            }
            chance = 1.0 / labels.size();
        }
        String view = JsonFields.text(node, "view");
        return new Group(JsonFields.requiredText(node, "model", where), JsonFields.requiredText(node, "attribute", where),
                prompt(JsonFields.requiredText(node, "prompt", where)), view == null ? View.LAST : View.parse(view),
                JsonFields.count(node, "samples"), JsonFields.count(node, "correct"), JsonFields.number(node, "accuracy"),
                chance, infoScore, JsonFields.numbers(node, "infoScoreCorrect"),
                JsonFields.numbers(node, "infoScoreIncorrect"), JsonFields.number(node, "criticalLayer"));
    }

    /** Lists aligned with {@code lambdas}: entries without a λ dropped, short lists padded with null. */
    private static Enrichment enrichment(JsonNode node) {
        List<Double> lambdas = JsonFields.numbers(node, "lambdas");
        List<List<Double>> columns = new ArrayList<>();
        for (String field : List.of("accuracy", "randomMean", "randomStd", "relativeGain")) {
            List<Double> values = JsonFields.numbers(node, field);
            List<Double> aligned = new ArrayList<>();
            for (int i = 0; i < lambdas.size(); i++) {
                if (lambdas.get(i) != null) {
                    aligned.add(i < values.size() ? values.get(i) : null);
                }
            }
            columns.add(Collections.unmodifiableList(aligned));
        }
        return new Enrichment(JsonFields.requiredText(node, "model", "an enrichment entry"),
                JsonFields.requiredText(node, "attribute", "an enrichment entry"),
                prompt(JsonFields.requiredText(node, "prompt", "an enrichment entry")),
                JsonFields.integer(node, "sourceLayer"), JsonFields.integer(node, "targetLayer"),
                JsonFields.count(node, "testSamples"), lambdas.stream().filter(Objects::nonNull).toList(),
                columns.get(0), columns.get(1), columns.get(2), columns.get(3), JsonFields.text(node, "notRequestedBecause"));
    }

    /** {@code p1}, {@code P1} → {@code P1}. */
    private static String prompt(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }
}
