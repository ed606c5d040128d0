package io.audiolens.schemas.topics;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.LayerProjection;
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

    /** Key: the original record's key. Kept forever: nothing is dropped silently. */
    public static final Topic<DeadLetter> DEAD_LETTERS =
            new Topic<>(TopicSpec.keptForever("audiolens.dead-letters", 3), DeadLetter.class);

    private static final List<Topic<?>> ALL = List.of(
            SAMPLES, PROJECTIONS, ENRICHMENT_REQUESTS, ENRICHMENT_OUTCOMES,
            SCORE_METRICS, CORRELATION_METRICS, ENRICHMENT_METRICS, DEAD_LETTERS);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    public static List<TopicSpec> specs() {
        return ALL.stream().map(Topic::spec).toList();
    }
}
