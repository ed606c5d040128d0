package io.audiolens.report.chart;

import java.util.List;

/**
 * A line chart as data: drawn identically to SVG and PNG by {@link ChartPainter}. Notes are short lines
 * printed under the plot (what is undefined and why), so a figure read alone still says it.
 */
public record Chart(String title, String subtitle, Axis x, Axis y, List<Series> series, List<Band> bands,
        List<Rule> rules, List<String> notes) {

    public Chart {
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }
}
