package io.audiolens.report.chart;

/**
 * Where things go, in px: the plot rectangle, the legend column on its right, the notes under the x-axis
 * label. One chart is {@link #WIDTH} wide; its height grows with the notes.
 */
record ChartLayout(Chart chart, double height) {
    static final double WIDTH = 640;
    static final double LEGEND_WIDTH = 210;
    static final double PLOT_LEFT = 54;
    static final double PLOT_TOP = 52;
    static final double PLOT_HEIGHT = 230;
    static final double NOTE_LINE = 15;
    static final double LEGEND_LINE = 18;

    static ChartLayout of(Chart chart) {
        return new ChartLayout(chart, PLOT_TOP + PLOT_HEIGHT + 48 + chart.notes().size() * NOTE_LINE + 6);
    }

    double width() {
        return WIDTH;
    }

    double plotLeft() {
        return PLOT_LEFT;
    }

    double plotRight() {
        return WIDTH - LEGEND_WIDTH - 18;
    }

    double plotTop() {
        return PLOT_TOP;
    }

    double plotBottom() {
        return PLOT_TOP + PLOT_HEIGHT;
    }

    double legendLeft() {
        return plotRight() + 16;
    }

    double notesTop() {
        return plotBottom() + 56;
    }

    /** px of a data x. */
    double px(double x) {
        return plotLeft() + chart.x().fractionOf(x) * (plotRight() - plotLeft());
    }

    /** px of a data y (up is larger y). */
    double py(double y) {
        return plotBottom() - chart.y().fractionOf(y) * (plotBottom() - plotTop());
    }

    boolean insideX(double x) {
        return x >= chart.x().min() - 1e-9 && x <= chart.x().max() + 1e-9;
    }
}
