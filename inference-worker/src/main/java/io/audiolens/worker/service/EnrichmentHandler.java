package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole samples topic for one enrichment plan (past samples replayed from the start, new ones
 * as they come) and emits an outcome per covered test sample.
 *
 * <p>A sample it cannot use is skipped, logged and counted, not dead-lettered a second time: the projection
 * loop reads every record of the same topic with the same reader and analyser, so an undecodable record or
 * a clip the model refuses is already a dead letter with the same reason. The plan's own rows were checked
 * when its request arrived ({@link EnrichmentPlan#problem}). Anything else (the registry, the broker, the
 * engine) ends the loop, and {@link InferenceWorker} stops the worker with it.
 */
final class EnrichmentHandler implements RecordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentHandler.class);

    private final EnrichmentPlan plan;
    private final SampleAnalyzer analyzer;
    private final ValueReader<AudioSample> samples;
    private final WorkerTelemetry telemetry;

    EnrichmentHandler(EnrichmentPlan plan, SampleAnalyzer analyzer, LoopSerdes serdes, WorkerTelemetry telemetry) {
        this.plan = plan;
        this.analyzer = analyzer;
        this.samples = serdes.reader(Topics.SAMPLES);
        this.telemetry = telemetry;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record, LoopOutput out) {
        AudioSample sample;
        try {
            sample = samples.read(record.topic(), record.value(), DeadLetters.where(record));
        } catch (UndecodableValueException e) {
            skip(record, "not an AudioSample: " + e.reason());
            return;
        }
        if (!plan.covers(sample)) {
            return;
        }
        try {
            var report = analyzer.enriched(sample, plan.prompt(), plan.enrichments(sample.getSampleId()));
            out.send(Topics.ENRICHMENT_OUTCOMES, plan.key(), plan.outcome(sample, report));
        } catch (RejectedSampleException e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.info("enrichment {} skips {} at {}, which the projection loop dead-letters: {}", plan.key(), record.key(),
                DeadLetters.where(record), reason);
        telemetry.skipped("enrichment");
    }
}
