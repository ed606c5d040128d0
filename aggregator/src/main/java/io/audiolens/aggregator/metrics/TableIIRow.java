package io.audiolens.aggregator.metrics;

/**
 * Table II: one model × attribute, view LAST, averaged over the prompt formats present.
 *
 * @param criticalLayer mean over the prompts whose critical layer is defined; null if none is
 * @param accuracy mean over the prompts with labelled samples; null if none has
 * @param prompts how many prompt formats the group has
 */
public record TableIIRow(String model, String attribute, Double criticalLayer, Double accuracy, int prompts) {}
