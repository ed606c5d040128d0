package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.ReadingCounts;

/** What closed windows are compared with: pooled counts and where they came from. */
public record Baseline(String source, ReadingCounts counts) {}
