package io.audiolens.report.figures;

import io.audiolens.report.chart.Axis;
import io.audiolens.report.chart.Band;
import io.audiolens.report.chart.Chart;
import io.audiolens.report.chart.LineStyle;
import io.audiolens.report.chart.Palette;
import io.audiolens.report.chart.Rule;
import io.audiolens.report.chart.Series;
import io.audiolens.report.chart.Ticks;
import io.audiolens.report.metrics.Enrichment;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Figure 5 (RQ5): test accuracy against λ with the probe's source layer, and the random-source baseline
 * as mean ± std over seeds, one chart per enrichment entry that has outcomes.
 */
public final class EnrichmentFigures {

    private EnrichmentFigures() {}

    public static List<Figure> of(RunMetrics metrics, FileNames names) {
        List<Figure> figures = new ArrayList<>();
        for (Enrichment entry : metrics.enrichment()) {
            if (entry.hasOutcomes()) {
                figures.add(new Figure(entry.model(), names.unique("fig5", entry.model(), entry.attribute(),
                        entry.prompt()), chart(entry)));
            }
        }
        return figures;
    }

    static Chart chart(Enrichment entry) {
        List<Double> lambdas = entry.lambdas();
        Band random = Band.around("random source, ± std", Palette.GREY, lambdas, entry.randomMean(),
                entry.randomStd());
        List<Double> shown = new ArrayList<>(entry.accuracy());
        shown.addAll(random.lower());
        shown.addAll(random.upper());
        List<Series> series = List.of(
                new Series("source layer " + layer(entry.sourceLayer()) + " → " + layer(entry.targetLayer()),
                        LineStyle.solid(Palette.VERMILION, 2.2), lambdas, entry.accuracy(), true),
                new Series("random source, mean", LineStyle.dashed(Palette.GREY, 1.6), lambdas,
                        entry.randomMean(), true));
        List<Rule> rules = entry.baselineAccuracy()
                .map(accuracy -> List.of(Rule.horizontal("λ = 0 (unmodified)", LineStyle.dotted(Palette.INK, 1.2),
                        accuracy)))
                .orElse(List.of());
        return new Chart(entry.model() + " · " + entry.attribute() + " · " + entry.prompt(),
                "last token: h[target] += λ · h[source] · " + entry.testSamples() + " test samples",
                Axis.over("λ", lambdas), Axis.fitted("test accuracy", shown, 0, 1), series, List.of(random),
                rules, List.of(verdict(entry)));
    }

    /** One sentence: the best λ and its gain over λ = 0, or why there is none. */
    public static String verdict(Enrichment entry) {
        OptionalInt best = entry.bestGain();
        if (best.isEmpty()) {
            return "Relative gain undefined: it needs an accuracy above 0 at λ = 0.";
        }
        int i = best.getAsInt();
        if (entry.relativeGain().get(i) <= 0) {
            return "No λ improves on λ = 0 here.";
        }
        return "Best: λ = " + Ticks.label(entry.lambdas().get(i)) + ", " + Numbers.signedPercent(entry.relativeGain().get(i))
                + " relative to λ = 0 (" + Numbers.shortPercent(entry.baselineAccuracy().orElse(null)) + " → "
                + Numbers.shortPercent(entry.accuracy().get(i)) + ").";
    }

    private static String layer(Integer layer) {
        return layer == null ? "?" : Integer.toString(layer);
    }
}
