package io.audiolens.aggregator.metrics;

/**
 * Table III: per model, Pearson r and p over the (critical layer, accuracy) points of every attribute ×
 * prompt (view LAST) with a defined critical layer, and the same without gender. Null while undefined.
 */
public record Correlation(String model, Double r, Double p, int points, Double rExcludingGender,
        Double pExcludingGender, int pointsExcludingGender) {}
