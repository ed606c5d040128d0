package io.audiolens.report.figures;

import io.audiolens.report.chart.Chart;
import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.RunMetrics;
import io.audiolens.report.metrics.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The grid of Figures 2–4: one chart per model × attribute, in the report's model and attribute order. */
final class PerModelAttribute {

    /** A chart for one cell, or empty when the run has nothing to draw there. */
    interface Cell {
        Optional<Chart> chart(String model, String attribute);
    }

    /** A chart from the prompt groups of one model × attribute in view last. */
    interface ViewLastCell {
        Chart chart(String model, String attribute, List<Group> groups);
    }

    private PerModelAttribute() {}

    /** One chart per model × attribute that has groups in view last (Figures 2 and 3). */
    static List<Figure> viewLast(RunMetrics metrics, FileNames names, String prefix, ViewLastCell cell) {
        return figures(metrics, names, prefix, (model, attribute) -> {
            List<Group> groups = metrics.groups(model, attribute, View.LAST);
            return groups.isEmpty() ? Optional.empty() : Optional.of(cell.chart(model, attribute, groups));
        });
    }

    static List<Figure> figures(RunMetrics metrics, FileNames names, String prefix, Cell cell) {
        List<Figure> figures = new ArrayList<>();
        for (String model : metrics.models()) {
            for (String attribute : metrics.attributes(model)) {
                cell.chart(model, attribute).ifPresent(chart ->
                        figures.add(new Figure(model, names.unique(prefix, model, attribute), chart)));
            }
        }
        return figures;
    }
}
