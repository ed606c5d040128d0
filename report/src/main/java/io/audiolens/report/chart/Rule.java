package io.audiolens.report.chart;

/**
 * A reference line across the plot: horizontal at y = value (chance) or vertical at x = value (critical
 * layer). A vertical rule may mark where it crosses its curve ({@code markY}, null for none), so that
 * rules close together still tell which curve they belong to.
 */
public record Rule(String name, LineStyle style, boolean vertical, double value, Double markY) {

    public static Rule horizontal(String name, LineStyle style, double y) {
        return new Rule(name, style, false, y, null);
    }

    public static Rule vertical(String name, LineStyle style, double x, Double markY) {
        return new Rule(name, style, true, x, markY);
    }
}
