package io.audiolens.aggregator.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.metrics.LowerCaseIds;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Baselines from a labelled run's metrics.json: each group's readings over every sample of the run. */
public final class LabelledRunBaselines {

    /** One group's baseline as the run measured it. */
    public record GroupBaseline(String group, List<String> labels, ReadingCounts counts) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledRunBaselines() {
    }

    /** Every group of {@code metricsJson} with at least one sample; fails naming the file and what is missing. */
    public static List<GroupBaseline> read(Path metricsJson) {
        JsonNode root;
        try {
            root = JSON.readTree(metricsJson.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + metricsJson + " as JSON (" + e.getMessage()
                    + "); pass the metrics.json of a run or of the aggregator", e);
        }
        List<GroupBaseline> baselines = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            JsonNode readings = group.get("readings");
            if (readings == null) {
                throw new IllegalArgumentException(metricsJson + " has groups without \"readings\": it was written"
                        + " before the monitor existed; rerun it (audiolens run, or aggregate) to pin it");
            }
            try {
                ReadingCounts counts = JSON.treeToValue(readings, Readings.class).counts();
                if (counts.samples() > 0) {
                    GroupKey key = new GroupKey(group.get("model").asText(), group.get("attribute").asText(),
                            LowerCaseIds.parse(PromptFormat.class, group.get("prompt").asText()),
                            LowerCaseIds.parse(View.class, group.get("view").asText()));
                    List<String> labels = new ArrayList<>();
                    group.get("labels").forEach(label -> labels.add(label.asText()));
                    baselines.add(new GroupBaseline(key.asKey(), labels, counts));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(metricsJson + ": group " + group.path("model").asText() + "|"
                        + group.path("attribute").asText() + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException(metricsJson + " has no group with samples; pass the metrics.json of a"
                    + " run that counted some");
        }
        return baselines;
    }
}
