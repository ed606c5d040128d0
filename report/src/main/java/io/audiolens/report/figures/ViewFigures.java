package io.audiolens.report.figures;

import io.audiolens.report.chart.Axis;
import io.audiolens.report.chart.Chart;
import io.audiolens.report.chart.Series;
import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.metrics.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Figure 4 (RQ4): I^l at the last token, at the penultimate token, and at the last token with the audio
 * masked out of its attention, pooled over the prompts, per model × attribute.
 */
public final class ViewFigures {

    private ViewFigures() {}

    public static List<Figure> of(RunMetrics metrics, FileNames names) {
        return PerModelAttribute.figures(metrics, names, "fig4",
                (model, attribute) -> Optional.of(chart(metrics, model, attribute)));
    }

    static Chart chart(RunMetrics metrics, String model, String attribute) {
        List<Series> series = new ArrayList<>();
        List<Group> all = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Long> samples = new ArrayList<>();
        for (View view : View.values()) {
            List<Group> groups = metrics.groups(model, attribute, view);
            all.addAll(groups);
            samples.add(Pooled.weight(groups, Group::samples));
            series.add(Series.overLayers(view.id(), Styles.view(view),
                    Pooled.scores(groups, Group::infoScore, Group::samples)));
            if (groups.isEmpty()) {
                notes.add("View " + view.id() + " was not measured in this run.");
            }
        }
        String prompts = String.join(", ", all.stream().map(Group::prompt).distinct().sorted().toList());
        String counts = samples.stream().distinct().count() == 1 ? samples.get(0) + " sample × prompt pairs per view"
                : "n = " + samples.stream().map(String::valueOf).collect(Collectors.joining(" / "))
                        + " (last / penultimate / masked)";
        return new Chart(model + " · " + attribute, "pooled over " + prompts + " · " + counts,
                Axis.layers(Styles.layers(all)), Axis.fraction("information score"), series, List.of(),
                List.of(Styles.chance(Styles.chance(all))), notes);
    }
}
