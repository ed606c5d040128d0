package io.audiolens.report.chart;

import io.audiolens.report.chart.TextStyle.Anchor;
import java.util.ArrayList;
import java.util.List;

/**
 * The legend column right of the plot: one entry per series, band and rule, in that order. Long labels
 * wrap at spaces; the width is estimated from the character count because an SVG cannot measure text.
 */
final class LegendPainter {
    private static final TextStyle LABEL = TextStyle.plain(11.5, Palette.INK, Anchor.START);
    private static final TextStyle MISSING = TextStyle.plain(11.5, "#8A8A8A", Anchor.START);
    private static final double SWATCH = 24;
    private static final double WRAPPED_LINE = 14;
    /** DejaVu Sans at 11.5 px: about 6.2 px per character in labels like ours, 6.5 for the alphabet. */
    private static final double CHARACTER_WIDTH = 6.6;

    private final ChartLayout layout;
    private final Canvas canvas;
    private double y;

    LegendPainter(ChartLayout layout, Canvas canvas) {
        this.layout = layout;
        this.canvas = canvas;
        this.y = layout.plotTop() + 6;
    }

    void paint(Chart chart) {
        canvas.beginGroup("legend", chart.title());
        double x = layout.legendLeft();
        for (Series series : chart.series()) {
            if (!series.isEmpty()) {
                swatch(series.style());
            }
            label(series.isEmpty() ? series.name() + ": no data" : series.name(), series.isEmpty() ? MISSING : LABEL);
        }
        for (Band band : chart.bands()) {
            canvas.polygon(new double[] {x, x + SWATCH, x + SWATCH, x}, new double[] {y - 5, y - 5, y + 5, y + 5},
                    band.color(), 0.22);
            label(band.name(), LABEL);
        }
        for (Rule rule : chart.rules()) {
            swatch(rule.style());
            label(rule.name(), LABEL);
        }
        canvas.endGroup();
    }

    private void swatch(LineStyle style) {
        canvas.line(layout.legendLeft(), y, layout.legendLeft() + SWATCH, y, style);
    }

    private void label(String text, TextStyle style) {
        List<String> lines = wrap(text, (int) ((ChartLayout.LEGEND_WIDTH - SWATCH - 6) / CHARACTER_WIDTH));
        for (int i = 0; i < lines.size(); i++) {
            canvas.text(layout.legendLeft() + SWATCH + 6, y + 4 + i * WRAPPED_LINE, lines.get(i), style);
        }
        y += ChartLayout.LEGEND_LINE + (lines.size() - 1) * WRAPPED_LINE;
    }

    static List<String> wrap(String text, int maxCharacters) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxCharacters) {
            int space = rest.lastIndexOf(' ', maxCharacters);
            int cut = space > 0 ? space : maxCharacters;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
