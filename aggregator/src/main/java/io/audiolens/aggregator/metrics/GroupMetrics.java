package io.audiolens.aggregator.metrics;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.aggregator.monitor.Readings;
import io.audiolens.aggregator.state.GroupCounts;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import java.util.List;
import java.util.OptionalInt;

/**
 * One group's metrics, derived from its counts on read. Fractions are in [0, 1]; null where undefined.
 *
 * @param accuracy I^L, the last layer's information score: the model's accuracy in view LAST
 * @param criticalLayer Eq. 3–4 over {@code infoScore}
 * @param readings the label-free readings over every sample, labelled or not (what the monitor windows
 *     hold, here since the start; a labelled run's can be pinned as a live stream's baseline)
 */
public record GroupMetrics(String model, String attribute, PromptFormat prompt, View view, List<String> labels,
        int layers, long samples, long correct, long duplicates, Double accuracy, double chance,
        List<Double> infoScore, List<Double> infoScoreCorrect, List<Double> infoScoreIncorrect, Double criticalLayer,
        Probe probe, Unlabelled unlabelled, Readings readings) {

    /** The probe set: the first probe-size labelled PROBE samples. */
    public record Probe(long samples, boolean complete, List<Double> infoScoreIncorrect, Integer sourceLayer) {}

    /** Projections without ground truth: how often each layer already reads the model's final answer. */
    public record Unlabelled(long samples, List<Double> agreement) {}

    public static GroupMetrics of(GroupCounts counts, AggregationParameters parameters) {
        GroupKey group = counts.group();
        List<Double> infoScore = counts.all().fractions();
        int labelCount = counts.labels().size();
        Probe probe = new Probe(counts.probe().samples(), counts.probe().samples() >= parameters.probeSize(),
                counts.probeIncorrect().fractions(), boxed(counts.probeIncorrect().bestLayer()));
        return new GroupMetrics(group.model(), group.attribute(), group.prompt(), group.view(), counts.labels(),
                counts.layers(), counts.all().samples(), counts.correct().samples(), counts.duplicates(),
                infoScore.get(infoScore.size() - 1), 1.0 / labelCount, infoScore, counts.correct().fractions(),
                counts.incorrect().fractions(), CriticalLayer.of(infoScore, labelCount, parameters.alpha()), probe,
                new Unlabelled(counts.unlabelled().samples(), counts.unlabelled().fractions()),
                Readings.of(counts.readings()));
    }

    private static Integer boxed(OptionalInt layer) {
        return layer.isPresent() ? layer.getAsInt() : null;
    }
}
