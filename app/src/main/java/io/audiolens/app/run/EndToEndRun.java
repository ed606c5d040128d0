package io.audiolens.app.run;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.offline.OutcomeJson;
import io.audiolens.aggregator.offline.ProjectionJson;
import io.audiolens.producers.SampleProducer;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.ProgressBar;
import io.audiolens.producers.publish.Rejection;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.service.InferenceWorker;
import io.audiolens.worker.service.WorkerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline once, live: produce the dataset; a worker turns every sample into projections and
 * answers enrichment requests; the aggregator counts projections, requests enrichment once a probe set
 * is complete and counts the outcomes. When every sample has all of its projections (or was
 * dead-lettered) and every request all of its outcomes, the run writes {@code projections.jsonl},
 * {@code outcomes.jsonl} and the aggregator's own {@code metrics.json} into the output folder.
 */
public final class EndToEndRun {
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndRun.class);
    private static final Duration WAIT = Duration.ofMinutes(15);

    private final RunSettings settings;

    public EndToEndRun(RunSettings settings) {
        this.settings = settings;
    }

    public RunResult run() throws Exception {
        List<ListedClip> clips = SakuraFolder.list(settings.dataset(), settings.datasetName());
        if (settings.cluster().isPresent()) {
            Files.createDirectories(settings.out());
            RunSettings.Cluster c = settings.cluster().get();
            createMissingTopics(c.kafka());
            return onCluster(c.kafka(), c.serdes(), clips);
        }
        Path platformFolder = EmbeddedPlatformFolder.of(settings.out());
        Files.createDirectories(settings.out());
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(platformFolder)) {
            platform.createTopics(Topics.specs());
            return onCluster(platform.kafkaCluster(), platform.serdeConfig(), clips);
        }
    }

    private RunResult onCluster(KafkaCluster cluster, SerdeConfig serdes, List<ListedClip> clips) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        WorkerSettings worker = new WorkerSettings(cluster, serdes, settings.model().folder(), settings.device(),
                settings.labelTokenMode(), settings.prompts(), settings.views(), "run-" + runId,
                WorkerSettings.DEFAULT_GROUP, settings.batchSize());
        try (LensRuntime runtime = LensRuntime.load(settings.model(), settings.device(), settings.labelTokenMode());
                InferenceWorker inference = new InferenceWorker(worker, runtime);
                AggregatorService aggregator = AggregatorService.start(aggregatorOptions(cluster, serdes, runId))) {
            Thread workerThread = new Thread(inference, "audiolens-run-worker");
            workerThread.start();
            ProduceSummary produced = produce(cluster, serdes, clips);
            Set<String> accepted = acceptedIds(clips, produced);
            LiveMetrics live = new LiveMetrics(aggregator.httpPort());
            RunProgress progress = new RunProgress(accepted.size(), live);
            Collected collected = collectProjections(cluster, serdes, accepted, inference, progress);
            List<LayerProjection> projections = collected.projections();
            write("projections.jsonl", projections.stream().map(ProjectionJson::line).toList());
            RunExpectations expect = new RunExpectations(projections);
            LiveMetrics.Document counted = awaitDocument("the aggregator to count every projection", inference, live,
                    expect::countsAll);
            progress.finish(collected.counts());
            List<EnrichmentOutcome> outcomes = collectOutcomes(cluster, serdes, accepted,
                    RunExpectations.requestedEnrichments(counted), expect, inference);
            write("outcomes.jsonl", outcomes.stream().map(OutcomeJson::line).toList());
            LiveMetrics.Document settled = awaitDocument("the aggregator to count every enrichment outcome", inference,
                    live, d -> expect.countsAll(d) && expect.countsOutcomes(d, outcomes));
            Files.writeString(settings.out().resolve("metrics.json"), settled.text());
            LOG.info("wrote {}", settings.out().resolve("metrics.json"));
            return new RunResult(produced, projections, outcomes);
        }
    }

    private ProduceSummary produce(KafkaCluster cluster, SerdeConfig serdes, List<ListedClip> clips) {
        try (SampleProducer producer = SampleProducer.connect(cluster, serdes)) {
            ProgressBar bar = ProgressBar.onStderr(clips.size(), ProgressBar.styleForThisTerminal());
            ProduceSummary produced = producer.produce(clips, new ProbeQuota(settings.probeSize()), bar);
            bar.finish();
            LOG.info("produced: {}", produced.describe());
            return produced;
        }
    }

    private AggregatorService.Options aggregatorOptions(KafkaCluster cluster, SerdeConfig serdes, String runId)
            throws IOException {
        Path state = Files.createDirectories(settings.out().resolve("aggregator-state").resolve(runId));
        AggregatorSettings aggregation = AggregatorSettings.defaults()
                .withParameters(settings.aggregationParameters());
        return new AggregatorService.Options("audiolens-run-" + runId, cluster, serdes, state, "127.0.0.1", 0,
                aggregation, Map.of());
    }

    /** Every projection of the accepted samples, and what the progress line counted from them. */
    private record Collected(List<LayerProjection> projections, RunProgress.Counts counts) {}

    private Collected collectProjections(KafkaCluster cluster, SerdeConfig serdes, Set<String> accepted,
            InferenceWorker worker, RunProgress progress) {
        try (ProjectionCollector collector = new ProjectionCollector(cluster, serdes, accepted,
                settings.projectionsPerSample())) {
            while (!collector.poll(Duration.ofMillis(500))) {
                checkAlive(worker);
                progress.update(collector);
            }
            return new Collected(collector.projections(), RunProgress.Counts.of(collector));
        }
    }

    /** Every outcome of the requests the aggregator made ({@code requested}: their keys, from its document). */
    private List<EnrichmentOutcome> collectOutcomes(KafkaCluster cluster, SerdeConfig serdes, Set<String> accepted,
            Set<String> requested, RunExpectations expect, InferenceWorker worker) throws InterruptedException {
        try (EnrichmentCollector collector = new EnrichmentCollector(cluster, serdes, accepted)) {
            await("enrichment outcomes for every test sample of " + requested, worker, () -> {
                collector.poll(Duration.ofMillis(500));
                return collector.complete(requested, expect.testSamplesByAttribute());
            });
            collector.requests().forEach((key, r) -> LOG.info("enrichment {}: source layer {} -> {}, {} test samples",
                    key, r.getSourceLayer(), r.getTargetLayer(), collector.outcomesFor(key)));
            return collector.outcomes();
        }
    }

    private static void await(String what, InferenceWorker worker, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            checkAlive(worker);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + WAIT.toMinutes() + " min waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The first document {@code done} accepts. */
    private static LiveMetrics.Document awaitDocument(String what, InferenceWorker worker, LiveMetrics live,
            Predicate<LiveMetrics.Document> done) throws InterruptedException {
        List<LiveMetrics.Document> accepted = new ArrayList<>(1);
        await(what, worker, () -> live.fetch().filter(done).map(accepted::add).isPresent());
        return accepted.get(0);
    }

    private static void checkAlive(InferenceWorker worker) {
        worker.failure().ifPresent(e -> {
            throw new IllegalStateException("the worker stopped: " + e.getMessage(), e);
        });
    }

    private void write(String name, List<String> lines) throws IOException {
        Path file = settings.out().resolve(name);
        Files.write(file, lines);
        LOG.info("wrote {} lines to {}", lines.size(), file);
    }

    private static Set<String> acceptedIds(List<ListedClip> clips, ProduceSummary produced) {
        Set<String> rejected = produced.rejected().stream().map(Rejection::sampleId).collect(Collectors.toSet());
        return clips.stream().map(ListedClip::sampleId).filter(id -> !rejected.contains(id)).collect(Collectors.toSet());
    }

    /** Creates what is missing with replication factor min(3, brokers). */
    private static void createMissingTopics(KafkaCluster cluster) throws Exception {
        try (Admin admin = cluster.createAdmin()) {
            short replication = (short) Math.min(3, admin.describeCluster().nodes().get().size());
            TopicCreator.createMissing(admin, Topics.specs(), replication, Duration.ofSeconds(30));
        }
    }

    /** What a run made. */
    public record RunResult(ProduceSummary produced, List<LayerProjection> projections, List<EnrichmentOutcome> outcomes) {}
}
