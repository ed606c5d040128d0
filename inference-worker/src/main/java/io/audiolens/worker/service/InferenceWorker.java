package io.audiolens.worker.service;

import io.audiolens.schemas.topics.Topics;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.telemetry.Health;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference worker: the projection loop over the samples topic (in the caller's thread), plus, for
 * each enrichment request of its model, an enrichment loop over the same topic in its own consumer group
 * (so past samples are replayed and the group's workers share them). Every loop is transactional.
 */
public final class InferenceWorker implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceWorker.class);

    private final WorkerSettings settings;
    private final SampleAnalyzer analyzer;
    private final SampleHandler projections;
    private final TransactionalLoop projectionLoop;
    private final EnrichmentRequestWatcher requests;
    private final Map<String, TransactionalLoop> enrichmentLoops = new ConcurrentHashMap<>();
    private final WorkerTelemetry telemetry;
    private final MeterRegistry meters;

    public InferenceWorker(WorkerSettings settings, LensRuntime runtime) {
        this(settings, runtime, new SimpleMeterRegistry());
    }

    /** A worker whose operator meters (samples, latency, dead letters, Kafka clients) go to {@code meters}. */
    public InferenceWorker(WorkerSettings settings, LensRuntime runtime, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.telemetry = new WorkerTelemetry(meters);
        this.analyzer = new SampleAnalyzer(runtime, settings);
        this.projections = new SampleHandler(analyzer, settings.serdes(), telemetry);
        this.projectionLoop = new TransactionalLoop(
                new LoopClients(settings.cluster(), settings.consumerGroup(), settings.memberId()),
                settings.serdes(), Topics.SAMPLES.name(), projections, telemetry);
        this.requests = new EnrichmentRequestWatcher(settings.cluster(), settings.serdes(),
                runtime.modelName(), this::startEnrichment);
    }

    @Override
    public void run() {
        Thread watcher = new Thread(requests, "audiolens-enrichment-requests-" + settings.workerId());
        watcher.setDaemon(true);
        watcher.start();
        LOG.info("worker {} consuming {} with model {} ({} × {})", settings.workerId(), Topics.SAMPLES.name(),
                analyzer.modelName(), settings.prompts(), settings.views());
        try {
            projectionLoop.run();
        } finally {
            LOG.info("worker {} stopped after {} samples ({} rejected)", settings.workerId(), processed(), rejected());
        }
    }

    private void startEnrichment(EnrichmentPlan plan) {
        enrichmentLoops.computeIfAbsent(plan.key(), key -> {
            TransactionalLoop loop = new TransactionalLoop(
                    new LoopClients(settings.cluster(), settings.consumerGroup() + "-enrichment-" + key,
                            settings.memberId() + "-enrichment-" + key),
                    settings.serdes(), Topics.SAMPLES.name(), new EnrichmentHandler(plan, analyzer, settings.serdes()),
                    new WorkerTelemetry(meters));
            Thread thread = new Thread(loop, "audiolens-enrichment-" + key);
            thread.setDaemon(true);
            thread.start();
            return loop;
        });
    }

    /** {@code /healthz} and {@code /readyz} of the projection loop. */
    public Health health() {
        return telemetry;
    }

    public long processed() {
        return projections.processed();
    }

    public long rejected() {
        return projections.rejected();
    }

    /** The error that ended a loop of this worker, if one did. */
    public Optional<RuntimeException> failure() {
        return projectionLoop.failure().or(() -> enrichmentLoops.values().stream()
                .map(TransactionalLoop::failure).flatMap(Optional::stream).findFirst());
    }

    /** Stops every loop after its current transaction. */
    @Override
    public void close() throws InterruptedException {
        requests.close();
        for (TransactionalLoop loop : enrichmentLoops.values()) {
            loop.close();
        }
        projectionLoop.close();
    }
}
