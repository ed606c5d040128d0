package io.audiolens.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Tick positions and their labels. */
public final class Ticks {

    private Ticks() {}

    /** 1 and every multiple of a step chosen so that there are at most about nine ticks, up to L. */
    static List<Double> layers(int layerCount) {
        int step = 1;
        for (int candidate : new int[] {1, 2, 4, 5, 8, 10, 16, 20, 25, 50, 100}) {
            step = candidate;
            if (layerCount / candidate <= 8) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        ticks.add(1.0);
        for (int l = step; l <= layerCount; l += step) {
            if (l > 1) {
                ticks.add((double) l);
            }
        }
        if (ticks.get(ticks.size() - 1) != layerCount && layerCount - ticks.get(ticks.size() - 1) >= step / 2.0) {
            ticks.add((double) layerCount);
        }
        return ticks;
    }

    /** 1, 2 or 5 × 10^k steps covering [lo, hi] with four to eight intervals. */
    static List<Double> nice(double lo, double hi) {
        double span = Math.max(hi - lo, 1e-9);
        double magnitude = Math.pow(10, Math.floor(Math.log10(span / 5)));
        double step = magnitude;
        for (double multiple : new double[] {1, 2, 5, 10}) {
            step = multiple * magnitude;
            if (span / step <= 8) {
                break;
            }
        }
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        List<Double> ticks = new ArrayList<>();
        for (long i = first; i <= Math.max(last, first + 1); i++) {
            ticks.add(round(i * step));
        }
        return ticks;
    }

    /** The shortest plain decimal: 1, 0.25, 12.5 (never 1.0E-4 or 0.30000000000000004). */
    public static String label(double value) {
        BigDecimal decimal = new BigDecimal(Double.toString(round(value))).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static double round(double value) {
        return Math.round(value * 1e9) / 1e9;
    }
}
