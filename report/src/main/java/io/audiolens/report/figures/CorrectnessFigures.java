package io.audiolens.report.figures;

import io.audiolens.report.chart.Axis;
import io.audiolens.report.chart.Chart;
import io.audiolens.report.chart.LineStyle;
import io.audiolens.report.chart.Palette;
import io.audiolens.report.chart.Series;
import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3 (RQ2): I^l at the last token over the samples the model answered correctly and over those it
 * got wrong, pooled over the prompts, per model × attribute.
 */
public final class CorrectnessFigures {

    private CorrectnessFigures() {}

    public static List<Figure> of(RunMetrics metrics, FileNames names) {
        return PerModelAttribute.viewLast(metrics, names, "fig3", CorrectnessFigures::chart);
    }

    static Chart chart(String model, String attribute, List<Group> groups) {
        long correct = Pooled.weight(groups, Group::correct);
        long incorrect = Pooled.weight(groups, Group::incorrect);
        List<Series> series = List.of(
                Series.overLayers("correct (n = " + correct + ")", LineStyle.solid(Palette.GREEN, 2.2),
                        Pooled.scores(groups, Group::infoScoreCorrect, Group::correct)),
                Series.overLayers("incorrect (n = " + incorrect + ")", LineStyle.dashed(Palette.VERMILION, 2.2),
                        Pooled.scores(groups, Group::infoScoreIncorrect, Group::incorrect)));
        List<String> notes = new ArrayList<>();
        if (correct == 0 && incorrect > 0) {
            notes.add("No correctly answered sample: only the incorrect curve can be drawn.");
        } else if (incorrect == 0 && correct > 0) {
            notes.add("No incorrectly answered sample: only the correct curve can be drawn.");
        }
        String prompts = String.join(", ", groups.stream().map(Group::prompt).toList());
        return new Chart(model + " · " + attribute, "view: last token · pooled over " + prompts
                + ", n counts sample × prompt pairs", Axis.layers(Styles.layers(groups)),
                Axis.fraction("information score"), series, List.of(), List.of(Styles.chance(Styles.chance(groups))),
                notes);
    }
}
