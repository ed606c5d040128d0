package io.audiolens.aggregator.topology;

/** The aggregator's state stores (persistent RocksDB, changelogged but for the seen ids' indexes). */
public final class StoreNames {

    /** Group key → {@link io.audiolens.aggregator.state.GroupCounts}. */
    public static final String GROUPS = "aggregator-groups";
    /** Group key|sampleId → the number of its batch, for counting each sample once per group; no changelog. */
    public static final String SEEN_SAMPLES_INDEX = "aggregator-seen-samples-index";
    /** Batch number.chunk → the group key|sampleIds counted between two commits, packed ({@link SeenIds}). */
    public static final String SEEN_SAMPLES_BATCHES = "aggregator-seen-sample-batches";
    /** Group key|sampleId → true: the seen store of aggregators before the batches, still read, never written. */
    public static final String SEEN_SAMPLES = "aggregator-seen-samples";
    /** Key of the rejected projection (or "undecodable") → how many were rejected. */
    public static final String REJECTED_PROJECTIONS = "aggregator-rejected-projections";
    /** Group keys changed since their last published snapshot. */
    public static final String CHANGED_GROUPS = "aggregator-changed-groups";
    /** Enrichment key → {@link io.audiolens.aggregator.state.EnrichmentCounts}. */
    public static final String ENRICHMENT = "aggregator-enrichment";
    /** Enrichment key|sampleId → its batch; the batches; the store before them (as for the samples). */
    public static final String SEEN_OUTCOMES_INDEX = "aggregator-seen-outcomes-index";
    public static final String SEEN_OUTCOMES_BATCHES = "aggregator-seen-outcome-batches";
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
