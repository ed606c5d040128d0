package io.audiolens.worker.service;

import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.telemetry.Health;
import io.audiolens.worker.lens.LensRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference worker: the projection loop over the samples topic (in the caller's thread), plus, for
 * each enrichment request of its model, an enrichment loop over the same topic in its own consumer group
 * (so past samples are replayed and the group's workers share them). Every loop is transactional.
 *
 * <p>The background threads (the request watcher, the enrichment loops) are owned: when one of them fails,
 * the whole worker stops, {@link #run()} throws {@link WorkerStoppedException} naming the loop and the
 * cause, and {@link #health()} reports it, so that a failure is never only in a log.
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
    private final LoopSerdes serdes;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicReference<WorkerStoppedException> stoppedBy = new AtomicReference<>();

    public InferenceWorker(WorkerSettings settings, LensRuntime runtime) {
        this(settings, runtime, new SimpleMeterRegistry());
    }

    /** A worker whose operator meters (samples, latency, dead letters, Kafka clients) go to {@code meters}. */
    public InferenceWorker(WorkerSettings settings, LensRuntime runtime, MeterRegistry meters) {
        this(settings, runtime, meters, RegistryPatience.DEFAULT);
    }

    InferenceWorker(WorkerSettings settings, LensRuntime runtime, MeterRegistry meters, RegistryPatience patience) {
        this.settings = settings;
        this.meters = meters;
        this.serdes = new LoopSerdes(settings.serdes(), patience);
        this.telemetry = new WorkerTelemetry(meters);
        this.analyzer = new SampleAnalyzer(runtime, settings);
        this.projections = new SampleHandler(analyzer, serdes, telemetry);
        this.projectionLoop = new TransactionalLoop(
                new LoopClients(settings.cluster(), settings.consumerGroup(), settings.memberId(),
                        settings.recordsPerPoll()),
                serdes, Topics.SAMPLES.name(), projections, telemetry);
        this.requests = new EnrichmentRequestWatcher(settings.cluster(), serdes, runtime.modelName(),
                runtime.layers(), settings.memberId(), this::startEnrichment, telemetry);
    }

    /**
     * Runs the projection loop until {@link #close()}; throws when it fails, or with {@link WorkerStoppedException}
     * when a background loop failed and stopped the worker.
     */
    @Override
    public void run() {
        background("audiolens-enrichment-requests-" + settings.workerId(), requests, "the enrichment request watcher");
        LOG.info("worker {} consuming {} with model {} ({} × {})", settings.workerId(), Topics.SAMPLES.name(),
                analyzer.modelName(), settings.prompts(), settings.views());
        try {
            projectionLoop.run();
        } finally {
            stopBackground();
            LOG.info("worker {} stopped after {} samples ({} rejected)", settings.workerId(), processed(), rejected());
        }
        WorkerStoppedException stopped = stoppedBy.get();
        if (stopped != null) {
            throw stopped;
        }
    }

    private void startEnrichment(EnrichmentPlan plan) {
        if (closing.get()) {
            return;
        }
        enrichmentLoops.computeIfAbsent(plan.key(), key -> {
            WorkerTelemetry loopTelemetry = new WorkerTelemetry(meters);
            TransactionalLoop loop = new TransactionalLoop(
                    new LoopClients(settings.cluster(), settings.consumerGroup() + "-enrichment-" + key,
                            settings.memberId() + "-enrichment-" + key, LoopClients.RECORDS_PER_POLL),
                    serdes, Topics.SAMPLES.name(), new EnrichmentHandler(plan, analyzer, serdes, loopTelemetry),
                    loopTelemetry);
            background("audiolens-enrichment-" + key, loop, "the enrichment loop " + key);
            return loop;
        });
    }

    /** Runs {@code loop} in a daemon thread whose failure stops this worker. */
    private void background(String name, Runnable loop, String what) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (RuntimeException e) {
                stopBecause(what, e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void stopBecause(String what, RuntimeException cause) {
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        WorkerStoppedException stopped = new WorkerStoppedException("worker " + settings.workerId() + " stopped: " + what
                + " failed: " + why, cause);
        if (stoppedBy.compareAndSet(null, stopped)) {
            LOG.error("{}", stopped.getMessage(), cause);
            projectionLoop.stop();
        }
    }

    private void stopBackground() {
        closing.set(true);
        requests.close();
        for (TransactionalLoop loop : enrichmentLoops.values()) {
            try {
                loop.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code /healthz} and {@code /readyz}: the projection loop's, failing once any loop of the worker failed. */
    public Health health() {
        return new WorkerHealth(telemetry, () -> Optional.ofNullable(stoppedBy.get()).map(Throwable::getMessage));
    }

    public long processed() {
        return projections.processed();
    }

    public long rejected() {
        return projections.rejected();
    }

    /** The error that ended this worker, if one did: the projection loop's, or that of the loop that stopped it. */
    public Optional<RuntimeException> failure() {
        return projectionLoop.failure().or(() -> Optional.ofNullable(stoppedBy.get()));
    }

    /** Stops every loop after its current transaction. */
    @Override
    public void close() throws InterruptedException {
        stopBackground();
        projectionLoop.close();
    }
}
