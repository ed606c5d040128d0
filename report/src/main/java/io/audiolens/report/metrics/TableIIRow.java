package io.audiolens.report.metrics;

/** Table II: one model × attribute, view last, averaged over P1–P3. Null where undefined. */
public record TableIIRow(String model, String attribute, Double criticalLayer, Double accuracy) {}
