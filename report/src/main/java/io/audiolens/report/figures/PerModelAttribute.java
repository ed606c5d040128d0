package io.audiolens.report.figures;

import io.audiolens.report.chart.Chart;
import io.audiolens.report.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The grid of Figures 2–4: one chart per model × attribute, in the report's model and attribute order. */
final class PerModelAttribute {

    /** A chart for one cell, or empty when the run has nothing to draw there. */
    interface Cell {
        Optional<Chart> chart(String model, String attribute);
    }

    private PerModelAttribute() {}

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
