package io.audiolens.report.chart;

/**
 * How a line is stroked: a CSS hex colour, a width in px, and a dash pattern in px (empty for solid).
 * The same numbers drive the SVG and the PNG.
 */
public record LineStyle(String color, double width, double... dash) {

    public static LineStyle solid(String color, double width) {
        return new LineStyle(color, width);
    }

    public static LineStyle dashed(String color, double width) {
        return new LineStyle(color, width, 7, 4);
    }

    public static LineStyle dotted(String color, double width) {
        return new LineStyle(color, width, 2, 3);
    }

    public boolean isDashed() {
        return dash.length > 0;
    }
}
