package io.audiolens.report.chart;

import java.util.List;

/** One axis: a label, the value range drawn, and where the ticks go. */
public record Axis(String label, double min, double max, List<Double> ticks) {

    public Axis {
        if (!(max > min)) {
            throw new IllegalArgumentException("axis \"" + label + "\" needs max > min, got " + min + ".." + max);
        }
        ticks = List.copyOf(ticks);
    }

    /** Layers 1..L, integer ticks at most about eight apart. */
    public static Axis layers(int layerCount) {
        if (layerCount <= 1) {
            return new Axis("layer", 0.5, 1.5, List.of(1.0));
        }
        return new Axis("layer", 1, layerCount, Ticks.layers(layerCount));
    }

    /** A fraction in [0, 1], ticks every 0.2. */
    public static Axis fraction(String label) {
        return new Axis(label, 0, 1, List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0));
    }

    /** Round numbers around every finite value given (at least a small span when all are equal). */
    public static Axis fitted(String label, List<Double> values, double floor, double ceiling) {
        double lo = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).min().orElse(0);
        double hi = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).max().orElse(1);
        double pad = Math.max((hi - lo) * 0.08, 0.02);
        List<Double> ticks = Ticks.nice(Math.max(floor, lo - pad), Math.min(ceiling, hi + pad));
        return new Axis(label, ticks.get(0), ticks.get(ticks.size() - 1), ticks);
    }

    /** Exactly the range of {@code values}, ticked at the values themselves when there are few of them. */
    public static Axis over(String label, List<Double> values) {
        List<Double> distinct = values.stream().filter(v -> v != null && Double.isFinite(v)).distinct().sorted().toList();
        if (distinct.isEmpty()) {
            return new Axis(label, 0, 1, List.of(0.0, 1.0));
        }
        double lo = distinct.get(0);
        double hi = distinct.get(distinct.size() - 1);
        if (lo == hi) {
            return new Axis(label, lo - 0.5, hi + 0.5, distinct);
        }
        List<Double> ticks = distinct.size() <= 9 ? distinct
                : Ticks.nice(lo, hi).stream().filter(t -> t >= lo - 1e-9 && t <= hi + 1e-9).toList();
        return new Axis(label, lo, hi, ticks);
    }

    public double fractionOf(double value) {
        return (value - min) / (max - min);
    }
}
