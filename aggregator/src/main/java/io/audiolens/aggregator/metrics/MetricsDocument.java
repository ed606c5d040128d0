package io.audiolens.aggregator.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.enrichment.EnrichmentMetrics;
import io.audiolens.aggregator.enrichment.EnrichmentPlan;
import io.audiolens.aggregator.state.AggregateStates;
import io.audiolens.aggregator.state.EnrichmentCounts;
import io.audiolens.aggregator.state.EnrichmentKey;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.schemas.View;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metrics.json document: every group, Tables II and III, enrichment, rejected counts. A pure function
 * of the states; everything is sorted, so the same events give the same bytes.
 */
public record MetricsDocument(List<GroupMetrics> groups, List<TableIIRow> tableII, List<Correlation> correlations,
        List<EnrichmentMetrics> enrichment, long rejected, long rejectedOutcomes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(LowerCaseIds.module());

    public static MetricsDocument from(AggregateStates states, AggregationParameters parameters) {
        List<GroupCounts> sorted = states.groups().stream().sorted(Comparator.comparing(GroupCounts::group)).toList();
        List<GroupMetrics> groups = sorted.stream().map(counts -> GroupMetrics.of(counts, parameters)).toList();
        Map<String, List<GroupPoint>> viewLastByModel = new TreeMap<>();
        groups.stream().filter(group -> group.view() == View.LAST).forEach(group -> viewLastByModel
                .computeIfAbsent(group.model(), model -> new ArrayList<>()).add(GroupPoint.of(group)));
        List<TableIIRow> tableII = new ArrayList<>();
        List<Correlation> correlations = new ArrayList<>();
        viewLastByModel.forEach((model, points) -> {
            tableII.addAll(ModelTables.tableII(model, points));
            correlations.add(ModelTables.correlation(model, points));
        });
        return new MetricsDocument(groups, tableII, correlations, enrichment(sorted, states, parameters),
                states.rejected(), states.rejectedOutcomes());
    }

    private static List<EnrichmentMetrics> enrichment(List<GroupCounts> groups, AggregateStates states,
            AggregationParameters parameters) {
        Map<EnrichmentKey, EnrichmentPlan> plans = new TreeMap<>();
        groups.forEach(counts -> EnrichmentPlan.of(counts, parameters)
                .ifPresent(plan -> plans.put(counts.group().enrichmentKey(), plan)));
        Map<EnrichmentKey, EnrichmentCounts> outcomes = new TreeMap<>();
        states.enrichments().forEach(counts -> outcomes.put(counts.key(), counts));
        TreeSet<EnrichmentKey> keys = new TreeSet<>(plans.keySet());
        keys.addAll(outcomes.keySet());
        return keys.stream()
                .map(key -> EnrichmentMetrics.of(key, plans.get(key), outcomes.get(key), parameters))
                .toList();
    }

    /** Indented JSON, UTF-8. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the metrics document as JSON", e);
        }
    }
}
