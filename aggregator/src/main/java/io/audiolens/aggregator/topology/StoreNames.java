package io.audiolens.aggregator.topology;

/** The aggregator's state stores (persistent RocksDB, changelogged). */
public final class StoreNames {

    /** Group key → {@link io.audiolens.aggregator.state.GroupCounts}. */
    public static final String GROUPS = "aggregator-groups";
    /** Group key|sampleId → true, for counting each sample once per group. */
    public static final String SEEN_SAMPLES = "aggregator-seen-samples";
    /** Key of the rejected projection (or "undecodable") → how many were rejected. */
    public static final String REJECTED_PROJECTIONS = "aggregator-rejected-projections";
    /** Group keys changed since their last published snapshot. */
    public static final String CHANGED_GROUPS = "aggregator-changed-groups";
    /** Enrichment key → {@link io.audiolens.aggregator.state.EnrichmentCounts}. */
    public static final String ENRICHMENT = "aggregator-enrichment";
    /** Enrichment key|sampleId → true. */
    public static final String SEEN_OUTCOMES = "aggregator-seen-outcomes";
    public static final String REJECTED_OUTCOMES = "aggregator-rejected-outcomes";
    public static final String CHANGED_ENRICHMENT = "aggregator-changed-enrichment";
    /** Model → its view LAST groups' latest (critical layer, accuracy), for Tables II and III. */
    public static final String MODEL_POINTS = "aggregator-model-points";

    /** Group key → window start → {@link io.audiolens.aggregator.monitor.WindowState} (a window store). */
    public static final String MONITOR_WINDOWS = "monitor-windows";
    /** Group key → {@link io.audiolens.aggregator.monitor.GroupMonitor}: baseline, episodes, late records. */
    public static final String MONITOR_GROUPS = "monitor-groups";
    /** group@windowStart of windows changed since their last published snapshot. */
    public static final String MONITOR_CHANGED = "monitor-changed-windows";
    /** Group key → pinned baseline (the raw bytes of the baselines topic): a global store, on every instance. */
    public static final String MONITOR_BASELINES = "monitor-baselines";

    private StoreNames() {
    }
}
