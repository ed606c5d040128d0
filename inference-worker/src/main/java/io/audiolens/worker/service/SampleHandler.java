package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample in, its projections out (keyed by group); an unusable record goes to the dead letters. A
 * registry that does not answer is not the record's fault: that stops the loop, the record uncommitted.
 */
final class SampleHandler implements RecordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SampleHandler.class);

    private final SampleAnalyzer analyzer;
    private final ValueReader<AudioSample> samples;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final WorkerTelemetry telemetry;

    SampleHandler(SampleAnalyzer analyzer, LoopSerdes serdes, WorkerTelemetry telemetry) {
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
            reject(record, out, "deserialize", "not an AudioSample: " + e.reason());
            return;
        }
        try {
            long start = System.nanoTime();
            List<LayerProjection> projections = analyzer.projections(sample);
            telemetry.analysed(Duration.ofNanos(System.nanoTime() - start));
            for (LayerProjection projection : projections) {
                out.send(Topics.PROJECTIONS, ProjectionBuilder.groupKey(projection), projection);
            }
            processed.incrementAndGet();
        } catch (RejectedSampleException e) {
            reject(record, out, "analyze", e.getMessage());
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, LoopOutput out, String stage, String reason) {
        LOG.warn("sample {} at {} rejected ({}): {}", record.key(), DeadLetters.where(record), stage, reason);
        out.deadLetter(record, "worker/" + stage, reason);
        telemetry.deadLetter("worker/" + stage);
        rejected.incrementAndGet();
    }

    long processed() {
        return processed.get();
    }

    long rejected() {
        return rejected.get();
    }
}
