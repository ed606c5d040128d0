package io.audiolens.report.figures;

import io.audiolens.report.chart.Axis;
import io.audiolens.report.chart.Chart;
import io.audiolens.report.chart.LineStyle;
import io.audiolens.report.chart.Rule;
import io.audiolens.report.chart.Series;
import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/** Figure 2 (RQ1): I^l at the last token per layer, one line per prompt, per model × attribute. */
public final class InformationScoreFigures {

    private InformationScoreFigures() {}

    public static List<Figure> of(RunMetrics metrics, FileNames names) {
        return PerModelAttribute.viewLast(metrics, names, "fig2", InformationScoreFigures::chart);
    }

    static Chart chart(String model, String attribute, List<Group> groups) {
        List<Series> series = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        rules.add(Styles.chance(Styles.chance(groups)));
        for (Group group : groups) {
            String color = Styles.promptColor(group.prompt());
            String label = group.accuracy() == null ? group.prompt()
                    : group.prompt() + ", accuracy " + Numbers.shortPercent(group.accuracy());
            series.add(Series.overLayers(label, LineStyle.solid(color, 2.2), group.infoScore()));
            if (group.criticalLayer() != null) {
                rules.add(Rule.vertical("ℓ* " + group.prompt() + " = " + Numbers.twoDecimals(group.criticalLayer()),
                        LineStyle.dotted(color, 1.8), group.criticalLayer(),
                        valueAt(group.infoScore(), group.criticalLayer())));
            } else if (group.samples() == 0) {
                notes.add(group.prompt() + ": no samples yet, so no scores and no critical layer.");
            } else {
                notes.add("ℓ* " + group.prompt() + ": " + Numbers.UNDEFINED_CRITICAL_LAYER + ".");
            }
        }
        return new Chart(model + " · " + attribute, "view: last token · " + Styles.sampleCounts(groups),
                Axis.layers(Styles.layers(groups)), Axis.fraction("information score"), series, List.of(), rules, notes);
    }

    /** The score at a fractional 1-based layer, linearly between its neighbours; null if either is undefined. */
    static Double valueAt(List<Double> scores, double layer) {
        int below = (int) Math.floor(layer);
        int above = (int) Math.ceil(layer);
        if (below < 1 || above > scores.size() || scores.get(below - 1) == null || scores.get(above - 1) == null) {
            return null;
        }
        double weight = layer - below;
        return (1 - weight) * scores.get(below - 1) + weight * scores.get(above - 1);
    }
}
