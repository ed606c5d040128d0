package io.audiolens.schemas.topics;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.MonitorBaseline;
import io.audiolens.schemas.MonitorWindow;
import io.audiolens.schemas.ScoreSnapshot;
import java.util.List;

/**
 * Every AudioLens topic, in one place. Event logs are kept forever so that a replay recomputes the
 * same metrics; metrics topics are compacted tables of the latest snapshot per key.
 */
public final class Topics {

    /** Key: sampleId. */
    public static final Topic<AudioSample> SAMPLES =
            new Topic<>(TopicSpec.keptForever("audiolens.samples", 6), AudioSample.class);

    /** Key: group (model, attribute, prompt, view). */
    public static final Topic<LayerProjection> PROJECTIONS =
            new Topic<>(TopicSpec.keptForever("audiolens.projections", 6), LayerProjection.class);

    /** Key: model, attribute, prompt. */
    public static final Topic<EnrichmentRequest> ENRICHMENT_REQUESTS =
            new Topic<>(TopicSpec.keptForever("audiolens.enrichment.requests", 3), EnrichmentRequest.class);

    /** Key: model, attribute, prompt. */
    public static final Topic<EnrichmentOutcome> ENRICHMENT_OUTCOMES =
            new Topic<>(TopicSpec.keptForever("audiolens.enrichment.outcomes", 6), EnrichmentOutcome.class);

    /** Key: group. */
    public static final Topic<ScoreSnapshot> SCORE_METRICS =
            new Topic<>(TopicSpec.compacted("audiolens.metrics.scores", 3), ScoreSnapshot.class);

    /** Key: model. */
    public static final Topic<CorrelationSnapshot> CORRELATION_METRICS =
            new Topic<>(TopicSpec.compacted("audiolens.metrics.correlations", 3), CorrelationSnapshot.class);

    /** Key: model, attribute, prompt. */
    public static final Topic<EnrichmentSnapshot> ENRICHMENT_METRICS =
            new Topic<>(TopicSpec.compacted("audiolens.metrics.enrichment", 3), EnrichmentSnapshot.class);

    /** Key: group@windowStart (epoch ms): the latest view of each window, final once closed. */
    public static final Topic<MonitorWindow> MONITOR_WINDOWS =
            new Topic<>(TopicSpec.compacted("audiolens.monitor.windows", 3), MonitorWindow.class);

    /** Key: group. One RAISED and one RECOVERED per drift episode; kept forever, the alert history. */
    public static final Topic<MonitorAlert> MONITOR_ALERTS =
            new Topic<>(TopicSpec.keptForever("audiolens.monitor.alerts", 3), MonitorAlert.class);

    /** Key: group. Pinned baselines, read by every aggregator instance in full (a global store). */
    public static final Topic<MonitorBaseline> MONITOR_BASELINES =
            new Topic<>(TopicSpec.compacted("audiolens.monitor.baselines", 1), MonitorBaseline.class);

    /** Key: the original record's key. Kept forever: nothing is dropped silently. */
    public static final Topic<DeadLetter> DEAD_LETTERS =
            new Topic<>(TopicSpec.keptForever("audiolens.dead-letters", 3), DeadLetter.class);

    private static final List<Topic<?>> ALL = List.of(
            SAMPLES, PROJECTIONS, ENRICHMENT_REQUESTS, ENRICHMENT_OUTCOMES,
            SCORE_METRICS, CORRELATION_METRICS, ENRICHMENT_METRICS, MONITOR_WINDOWS, MONITOR_ALERTS, MONITOR_BASELINES,
            DEAD_LETTERS);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    public static List<TopicSpec> specs() {
        return ALL.stream().map(Topic::spec).toList();
    }
}
