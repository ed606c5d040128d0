package io.audiolens.report.chart;

import io.audiolens.report.chart.TextStyle.Anchor;
import java.util.List;

/** Draws a {@link Chart} on any {@link Canvas}: the SVG and the PNG come from this one code path. */
final class ChartPainter {
    private static final LineStyle GRID = LineStyle.solid(Palette.LIGHT_GREY, 1);
    private static final LineStyle AXIS = LineStyle.solid("#9A9A9A", 1);
    private static final TextStyle TICK_X = TextStyle.plain(11, "#555555", Anchor.MIDDLE);
    private static final TextStyle TICK_Y = TextStyle.plain(11, "#555555", Anchor.END);

    private final Chart chart;
    private final ChartLayout layout;
    private final Canvas canvas;

    ChartPainter(Chart chart, ChartLayout layout, Canvas canvas) {
        this.chart = chart;
        this.layout = layout;
        this.canvas = canvas;
    }

    void paint() {
        canvas.text(12, 22, chart.title(), TextStyle.plain(15, Palette.INK, Anchor.START).inBold());
        canvas.text(12, 40, chart.subtitle(), TextStyle.plain(11.5, "#555555", Anchor.START));
        axes();
        chart.bands().forEach(this::band);
        chart.rules().forEach(this::rule);
        chart.series().forEach(this::series);
        chart.rules().forEach(this::mark);
        new LegendPainter(layout, canvas).paint(chart);
        for (int i = 0; i < chart.notes().size(); i++) {
            canvas.text(12, layout.notesTop() + i * ChartLayout.NOTE_LINE, chart.notes().get(i),
                    TextStyle.plain(11, "#444444", Anchor.START));
        }
    }

    private void axes() {
        canvas.beginGroup("axes", chart.x().label() + " / " + chart.y().label());
        for (double y : chart.y().ticks()) {
            canvas.line(layout.plotLeft(), layout.py(y), layout.plotRight(), layout.py(y), GRID);
            canvas.text(layout.plotLeft() - 6, layout.py(y) + 4, Ticks.label(y), TICK_Y);
        }
        for (double x : chart.x().ticks()) {
            canvas.line(layout.px(x), layout.plotBottom(), layout.px(x), layout.plotBottom() + 4, AXIS);
            canvas.text(layout.px(x), layout.plotBottom() + 17, Ticks.label(x), TICK_X);
        }
        canvas.line(layout.plotLeft(), layout.plotTop(), layout.plotLeft(), layout.plotBottom(), AXIS);
        canvas.line(layout.plotLeft(), layout.plotBottom(), layout.plotRight(), layout.plotBottom(), AXIS);
        double middleX = (layout.plotLeft() + layout.plotRight()) / 2;
        canvas.text(middleX, layout.plotBottom() + 36, chart.x().label(), TextStyle.plain(12, Palette.INK, Anchor.MIDDLE));
        double middleY = (layout.plotTop() + layout.plotBottom()) / 2;
        canvas.text(16, middleY, chart.y().label(), TextStyle.plain(12, Palette.INK, Anchor.MIDDLE).turned());
        canvas.endGroup();
    }

    private void band(Band band) {
        canvas.beginGroup("band", band.name());
        for (int[] run : Runs.of(band.xs().size(), i -> band.lower().get(i) != null && band.upper().get(i) != null)) {
            int count = run[1] - run[0];
            double[] xs = new double[2 * count];
            double[] ys = new double[2 * count];
            for (int k = 0; k < count; k++) {
                int i = run[0] + k;
                xs[k] = layout.px(band.xs().get(i));
                ys[k] = layout.py(band.upper().get(i));
                xs[2 * count - 1 - k] = xs[k];
                ys[2 * count - 1 - k] = layout.py(band.lower().get(i));
            }
            canvas.polygon(xs, ys, band.color(), 0.22);
        }
        canvas.endGroup();
    }

    private void rule(Rule rule) {
        canvas.beginGroup("rule", rule.name());
        if (rule.vertical() && layout.insideX(rule.value())) {
            canvas.line(layout.px(rule.value()), layout.plotTop(), layout.px(rule.value()), layout.plotBottom(), rule.style());
        } else if (!rule.vertical()) {
            canvas.line(layout.plotLeft(), layout.py(rule.value()), layout.plotRight(), layout.py(rule.value()), rule.style());
        }
        canvas.endGroup();
    }

    /** After the series: a rule's mark sits on top of its curve. */
    private void mark(Rule rule) {
        if (rule.vertical() && rule.markY() != null && layout.insideX(rule.value())) {
            canvas.beginGroup("mark", rule.name());
            canvas.dot(layout.px(rule.value()), layout.py(rule.markY()), 5.5, "#ffffff");
            canvas.dot(layout.px(rule.value()), layout.py(rule.markY()), 4, rule.style().color());
            canvas.endGroup();
        }
    }

    private void series(Series series) {
        canvas.beginGroup("series", series.name());
        List<Double> ys = series.ys();
        for (int[] run : Runs.of(ys.size(), i -> ys.get(i) != null)) {
            int count = run[1] - run[0];
            double[] px = new double[count];
            double[] py = new double[count];
            for (int k = 0; k < count; k++) {
                px[k] = layout.px(series.xs().get(run[0] + k));
                py[k] = layout.py(ys.get(run[0] + k));
            }
            if (count == 1 || series.markers()) {
                for (int k = 0; k < count; k++) {
                    canvas.dot(px[k], py[k], series.style().width() + 1.5, series.style().color());
                }
            }
            if (count > 1) {
                canvas.polyline(px, py, series.style());
            }
        }
        canvas.endGroup();
    }
}
