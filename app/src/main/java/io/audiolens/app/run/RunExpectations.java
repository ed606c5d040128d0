package io.audiolens.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.Split;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the aggregator must have counted once it has seen everything this run produced. */
final class RunExpectations {
    private final Map<String, Long> labelledByGroup = new TreeMap<>();
    private final Map<String, Long> testSamplesByAttribute = new TreeMap<>();

    RunExpectations(List<LayerProjection> projections) {
        Set<String> testSamples = new HashSet<>();
        for (LayerProjection p : projections) {
            if (p.getLabel() != null) {
                labelledByGroup.merge(group(p.getModel(), p.getAttribute(), p.getPrompt().name(),
                        p.getView().name().toLowerCase(Locale.ROOT)), 1L, Long::sum);
                if (p.getSplit() == Split.TEST && testSamples.add(p.getSampleId())) {
                    testSamplesByAttribute.merge(p.getAttribute(), 1L, Long::sum);
                }
            }
        }
    }

    Map<String, Long> testSamplesByAttribute() {
        return testSamplesByAttribute;
    }

    /** Every group holds exactly this run's labelled samples. */
    boolean countsAll(LiveMetrics.Document document) {
        Map<String, Long> counted = new TreeMap<>();
        for (JsonNode g : document.json().path("groups")) {
            counted.put(group(g.path("model").asText(), g.path("attribute").asText(), g.path("prompt").asText(),
                    g.path("view").asText()), g.path("samples").asLong());
        }
        return counted.entrySet().containsAll(labelledByGroup.entrySet());
    }

    /** Every enrichment entry with outcomes counts all of them. */
    boolean countsOutcomes(LiveMetrics.Document document, List<EnrichmentOutcome> outcomes) {
        Map<String, Long> expected = new TreeMap<>();
        outcomes.forEach(o -> expected.merge(group(o.getModel(), o.getAttribute(), o.getPrompt().name(), ""), 1L, Long::sum));
        Map<String, Long> counted = new TreeMap<>();
        for (JsonNode e : document.json().path("enrichment")) {
            counted.put(group(e.path("model").asText(), e.path("attribute").asText(), e.path("prompt").asText(), ""),
                    e.path("testSamples").asLong());
        }
        return counted.entrySet().containsAll(expected.entrySet());
    }

    /** The keys ({@code model|attribute|prompt}) of the enrichments the document says were requested. */
    static Set<String> requestedEnrichments(LiveMetrics.Document document) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode e : document.json().path("enrichment")) {
            if (e.path("notRequestedBecause").isNull()) {
                keys.add(e.path("model").asText() + "|" + e.path("attribute").asText() + "|" + e.path("prompt").asText());
            }
        }
        return keys;
    }

    /** The metrics document writes enum names ({@code LAST}), projections ids ({@code last}): compare alike. */
    private static String group(String model, String attribute, String prompt, String view) {
        return model + "|" + attribute + "|" + prompt.toUpperCase(Locale.ROOT) + "|" + view.toUpperCase(Locale.ROOT);
    }
}
