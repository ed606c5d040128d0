package io.audiolens.report.chart;

/**
 * What {@link ChartPainter} draws on, in px with y down. Groups name what a run of shapes shows (a series, a
 * rule) so that the SVG can be read and tested; a raster canvas ignores them.
 */
interface Canvas {

    void beginGroup(String kind, String name);

    void endGroup();

    void line(double x1, double y1, double x2, double y2, LineStyle style);

    void polyline(double[] xs, double[] ys, LineStyle style);

    void polygon(double[] xs, double[] ys, String fill, double opacity);

    void dot(double x, double y, double radius, String fill);

    void rect(double x, double y, double width, double height, String fill);

    /** {@code y} is the text's baseline. */
    void text(double x, double y, String text, TextStyle style);
}
