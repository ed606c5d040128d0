package io.audiolens.report.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a chart. {@code ys} may hold nulls: the line breaks there. A series without any value still
 * gets a legend entry, marked "no data", so a missing prompt or view is visible rather than silently absent.
 */
public record Series(String name, LineStyle style, List<Double> xs, List<Double> ys, boolean markers) {

    public Series {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("series \"" + name + "\" has " + xs.size() + " x values but "
                    + ys.size() + " y values");
        }
        xs = List.copyOf(xs);
        ys = Collections.unmodifiableList(new ArrayList<>(ys));
    }

    /** y per 1-based layer: x = 1..ys.size(). */
    public static Series overLayers(String name, LineStyle style, List<Double> ys) {
        List<Double> xs = new ArrayList<>(ys.size());
        for (int l = 1; l <= ys.size(); l++) {
            xs.add((double) l);
        }
        return new Series(name, style, xs, ys, false);
    }

    public boolean isEmpty() {
        return ys.stream().allMatch(y -> y == null);
    }
}
