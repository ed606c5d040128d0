package io.audiolens.report.text;

import java.util.Locale;

/** How the report prints numbers: always with a dot, the paper's precision, and a word for "undefined". */
public final class Numbers {
    /** Eq. 4 has no value when no layer beats (1 + α)/|Y|; α = 0.2 in the paper and the aggregator. */
    public static final String UNDEFINED_CRITICAL_LAYER = "undefined (no layer above 1.2× chance)";

    private Numbers() {}

    /** {@code 23.90}; empty for null (CSV cells). */
    public static String twoDecimals(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A fraction as a percentage with two decimals, {@code 0.85 → 85.00}; empty for null. */
    public static String percent(Double fraction) {
        return fraction == null ? "" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    /** A fraction as {@code 85.0%}, or {@code n/a}. */
    public static String shortPercent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A signed relative change, {@code +16.3%}, or {@code n/a}. */
    public static String signedPercent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    /** Pearson r with three decimals, {@code -0.748}; empty for null. */
    public static String correlation(Double r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.3f", r);
    }

    /** A p-value as the paper prints it, {@code 5.19e-03}; empty for null. */
    public static String pValue(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.2e", p);
    }

    /** An integer count or empty for null. */
    public static String count(Integer count) {
        return count == null ? "" : Integer.toString(count);
    }

    /** Shown where a reader expects a value: the value, or {@code fallback} when it is undefined. */
    public static String orElse(String formatted, String fallback) {
        return formatted.isEmpty() ? fallback : formatted;
    }
}
