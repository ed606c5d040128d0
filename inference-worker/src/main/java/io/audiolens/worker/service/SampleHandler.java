package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.UndecodableValueException;
import io.audiolens.schemas.wire.ValueReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
        handleAll(List.of(record), r -> out);
    }

    /** The poll's samples analysed together ({@link SampleAnalyzer#analyzeAll}); each writes through its own output. */
    @Override
    public void handleAll(List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, LoopOutput> outputs) {
        // undecodable records are dead-lettered first: all of the poll's output commits in one transaction
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        List<AudioSample> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoded.add(samples.read(record.topic(), record.value(), DeadLetters.where(record)));
                read.add(record);
            } catch (UndecodableValueException e) {
                reject(record, outputs.apply(record), "deserialize", "not an AudioSample: " + e.reason());
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<SampleAnalyzer.Analysis> analyses = analyzer.analyzeAll(decoded);
        long analysed = Math.max(1, analyses.stream().filter(a -> a.rejection() == null).count());
        Duration each = Duration.ofNanos((System.nanoTime() - start) / analysed); // a batch's time, shared
        for (int i = 0; i < read.size(); i++) {
            ConsumerRecord<String, byte[]> record = read.get(i);
            LoopOutput out = outputs.apply(record);
            SampleAnalyzer.Analysis analysis = analyses.get(i);
            if (analysis.rejection() != null) {
                reject(record, out, "analyze", analysis.rejection());
                continue;
            }
            telemetry.analysed(each);
            for (LayerProjection projection : analysis.projections()) {
                out.send(Topics.PROJECTIONS, ProjectionBuilder.groupKey(projection), projection);
            }
            processed.incrementAndGet();
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
