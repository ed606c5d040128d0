package io.audiolens.report.metrics;

/**
 * Table III: Pearson r and p between critical layers and accuracies over one model's attribute × prompt
 * points, and the same without gender. Null where undefined (fewer than three points, constant values).
 */
public record Correlation(String model, Double r, Double p, Integer points, Double rExcludingGender,
        Double pExcludingGender, Integer pointsExcludingGender) {}
