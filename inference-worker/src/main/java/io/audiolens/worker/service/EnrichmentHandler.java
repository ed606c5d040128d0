package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.topics.RegistryUnavailableException;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the whole samples topic for one enrichment plan (past samples replayed from the start, new ones
 * as they come) and emits an outcome per covered test sample. Unusable records were already
 * dead-lettered by the projection loop, so they are skipped here.
 */
final class EnrichmentHandler implements RecordHandler {
    private final EnrichmentPlan plan;
    private final SampleAnalyzer analyzer;
    private final Deserializer<AudioSample> samples;

    EnrichmentHandler(EnrichmentPlan plan, SampleAnalyzer analyzer, SerdeConfig serdes) {
        this.plan = plan;
        this.analyzer = analyzer;
        this.samples = Topics.SAMPLES.valueSerde(serdes).deserializer();
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record, LoopOutput out) {
        AudioSample sample;
        try {
            sample = samples.deserialize(record.topic(), record.value());
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            return; // the projection loop dead-letters it
        }
        if (!plan.covers(sample)) {
            return;
        }
        try {
            var report = analyzer.enriched(sample, plan.prompt(), plan.enrichments(sample.getSampleId()));
            out.send(Topics.ENRICHMENT_OUTCOMES, plan.key(), plan.outcome(sample, report));
        } catch (RejectedSampleException e) {
            // already dead-lettered by the projection loop
        }
    }
}
