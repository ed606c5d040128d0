package io.audiolens.app.run;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.producers.SampleProducer;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.ProgressBar;
import io.audiolens.producers.publish.Rejection;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.service.InferenceWorker;
import io.audiolens.worker.service.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline once: produce the dataset, let a worker turn every sample into projections, wait
 * until each sample has all of its projections (or was dead-lettered), then write
 * {@code out/projections.jsonl}.
 */
public final class EndToEndRun {
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndRun.class);

    private final RunSettings settings;

    public EndToEndRun(RunSettings settings) {
        this.settings = settings;
    }

    public RunResult run() throws Exception {
        Files.createDirectories(settings.out());
        if (settings.cluster().isPresent()) {
            RunSettings.Cluster c = settings.cluster().get();
            createMissingTopics(c.bootstrapServers());
            return onCluster(c.bootstrapServers(), SerdeConfig.forRegistry(c.registryUrl()));
        }
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(settings.out().resolve("platform"))) {
            platform.createTopics(Topics.specs());
            return onCluster(platform.bootstrapServers(), platform.serdeConfig());
        }
    }

    private RunResult onCluster(String bootstrapServers, SerdeConfig serdes) throws Exception {
        List<ListedClip> clips = SakuraFolder.list(settings.dataset(), settings.datasetName());
        String runId = UUID.randomUUID().toString().substring(0, 8);
        WorkerSettings worker = new WorkerSettings(bootstrapServers, serdes, settings.model(), settings.device(),
                settings.labelTokenMode(), settings.prompts(), settings.views(), "run-" + runId,
                WorkerSettings.DEFAULT_GROUP);
        try (LensRuntime runtime = LensRuntime.load(settings.model(), settings.device().device(),
                settings.device().dataType(), settings.labelTokenMode());
                InferenceWorker inference = new InferenceWorker(worker, runtime)) {
            Thread workerThread = new Thread(inference, "audiolens-run-worker");
            workerThread.start();
            ProduceSummary produced;
            try (SampleProducer producer = SampleProducer.connect(bootstrapServers, serdes)) {
                ProgressBar bar = ProgressBar.onStderr(clips.size(), ProgressBar.styleForThisTerminal());
                produced = producer.produce(clips, new ProbeQuota(settings.probeSize()), bar);
                bar.finish();
            }
            LOG.info("produced: {}", produced.describe());
            Set<String> accepted = acceptedIds(clips, produced);
            List<LayerProjection> projections = collect(bootstrapServers, serdes, accepted, inference);
            Path jsonl = settings.out().resolve("projections.jsonl");
            Files.write(jsonl, projections.stream().map(ProjectionJson::line).toList());
            LOG.info("wrote {} projections to {}", projections.size(), jsonl);
            return new RunResult(produced, projections);
        }
    }

    private List<LayerProjection> collect(String bootstrapServers, SerdeConfig serdes, Set<String> accepted,
            InferenceWorker worker) {
        RunProgress progress = new RunProgress(accepted.size());
        try (ProjectionCollector collector = new ProjectionCollector(bootstrapServers, serdes, accepted,
                settings.projectionsPerSample())) {
            while (!collector.poll(Duration.ofMillis(500))) {
                worker.failure().ifPresent(e -> {
                    throw new IllegalStateException("the worker stopped: " + e.getMessage(), e);
                });
                progress.update(collector);
            }
            progress.update(collector);
            progress.finish(collector);
            return collector.projections();
        }
    }

    private static Set<String> acceptedIds(List<ListedClip> clips, ProduceSummary produced) {
        Set<String> rejected = produced.rejected().stream().map(Rejection::sampleId).collect(Collectors.toSet());
        return clips.stream().map(ListedClip::sampleId).filter(id -> !rejected.contains(id)).collect(Collectors.toSet());
    }

    /** Creates what is missing with replication factor min(3, brokers). */
    private static void createMissingTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            short replication = (short) Math.min(3, admin.describeCluster().nodes().get().size());
            TopicCreator.createMissing(admin, Topics.specs(), replication, Duration.ofSeconds(30));
        }
    }

    /** What a run made. */
    public record RunResult(ProduceSummary produced, List<LayerProjection> projections) {}
}
