package io.audiolens.report.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A shaded range between {@code lower} and {@code upper} over {@code xs}; it breaks where either is null. */
public record Band(String name, String color, List<Double> xs, List<Double> lower, List<Double> upper) {

    public Band {
        if (xs.size() != lower.size() || xs.size() != upper.size()) {
            throw new IllegalArgumentException("band \"" + name + "\" needs as many lower and upper values as x values");
        }
        xs = List.copyOf(xs);
        lower = Collections.unmodifiableList(new ArrayList<>(lower));
        upper = Collections.unmodifiableList(new ArrayList<>(upper));
    }

    /** mean ± spread per x; undefined where either is null. */
    public static Band around(String name, String color, List<Double> xs, List<Double> mean, List<Double> spread) {
        List<Double> lower = new ArrayList<>(xs.size());
        List<Double> upper = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            Double m = i < mean.size() ? mean.get(i) : null;
            Double s = i < spread.size() ? spread.get(i) : null;
            lower.add(m == null || s == null ? null : m - s);
            upper.add(m == null || s == null ? null : m + s);
        }
        return new Band(name, color, xs, lower, upper);
    }
}
