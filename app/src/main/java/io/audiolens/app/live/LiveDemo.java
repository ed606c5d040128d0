package io.audiolens.app.live;

import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.app.run.EmbeddedPlatformFolder;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.producers.shift.AudioShift;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.telemetry.OperatorRegistry;
import io.audiolens.telemetry.OperatorServer;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.service.InferenceWorker;
import io.audiolens.worker.service.WorkerSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code demo --live}: the embedded broker and registry, one worker and one aggregator (with its
 * dashboard), and a feed of the bundled clips as an unlabelled stream that shifts after a while. Runs until
 * {@link #close()}.
 */
public final class LiveDemo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDemo.class);

    /**
     * Windows of 10 s with 5 s grace, a baseline of the first 3, at least 10 samples, alerts after 2 in a
     * row: a demo shows drift within a minute or two; a deployed model wants the defaults.
     */
    public static final MonitorSettings MONITOR = MonitorSettings.defaults()
            .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(5)).withBaseline(3, 10, 2);

    /**
     * What to run.
     *
     * @param attribute the track of {@code dataset} fed as the stream (its labels are dropped)
     * @param httpPort the aggregator's (dashboard) port, 0 for any free one
     */
    public record Settings(Path dataset, String attribute, ModelLocation model, Path out, int httpPort, double clipsPerSecond,
            AudioShift shift, Duration shiftAfter, Duration shiftFor, MonitorSettings monitor, ComputeDevice device) {}

    private final EmbeddedPlatform platform;
    private final LensRuntime runtime;
    private final InferenceWorker worker;
    private final Thread workerThread;
    private final OperatorServer workerEndpoint;
    private final AggregatorService aggregator;
    private final LiveFeed feed;
    private final Thread feedThread;

    private LiveDemo(EmbeddedPlatform platform, LensRuntime runtime, InferenceWorker worker, Thread workerThread,
            OperatorServer workerEndpoint, AggregatorService aggregator, LiveFeed feed, Thread feedThread) {
        this.platform = platform;
        this.runtime = runtime;
        this.worker = worker;
        this.workerThread = workerThread;
        this.workerEndpoint = workerEndpoint;
        this.aggregator = aggregator;
        this.feed = feed;
        this.feedThread = feedThread;
    }

    /** Starts every role; returns once the feed runs. */
    public static LiveDemo start(Settings settings) throws Exception {
        List<ListedClip> clips = SakuraFolder.list(settings.dataset(), "live").stream()
                .filter(clip -> clip.attribute().equalsIgnoreCase(settings.attribute())).toList();
        if (clips.isEmpty()) {
            throw new IllegalArgumentException(settings.dataset() + " has no " + settings.attribute() + " clips; pass"
                    + " --data with a SAKURA-layout folder that has that track");
        }
        Path platformFolder = EmbeddedPlatformFolder.of(settings.out());
        Files.createDirectories(settings.out());
        EmbeddedPlatform platform = EmbeddedPlatform.start(platformFolder);
        try {
            platform.createTopics(Topics.specs());
            LensRuntime runtime = LensRuntime.load(settings.model(), settings.device(), LabelTokenMode.LEADING_SPACE);
            PrometheusMeterRegistry workerMeters = OperatorRegistry.create("worker");
            InferenceWorker worker = new InferenceWorker(new WorkerSettings(platform.kafkaCluster(),
                    platform.serdeConfig(), settings.model().folder(), settings.device(), LabelTokenMode.LEADING_SPACE,
                    List.of(PromptFormat.values()), List.of(View.values()), "live", WorkerSettings.DEFAULT_GROUP),
                    runtime, workerMeters);
            Thread workerThread = new Thread(worker, "audiolens-live-worker");
            workerThread.start();
            OperatorServer workerEndpoint = OperatorServer.start("127.0.0.1", 0, "port", workerMeters, worker.health());
            AggregatorService aggregator = AggregatorService.start(new AggregatorService.Options("audiolens-live",
                    platform.kafkaCluster(), platform.serdeConfig(),
                    Files.createDirectories(settings.out().resolve("aggregator-state")), "127.0.0.1",
                    settings.httpPort(), AggregatorSettings.defaults().withMonitor(settings.monitor()), Map.of()));
            LiveFeed feed = new LiveFeed(clips, platform.kafkaCluster(), platform.serdeConfig(),
                    settings.clipsPerSecond(), settings.shift(), settings.shiftAfter(), settings.shiftFor());
            Thread feedThread = new Thread(feed, "audiolens-live-feed");
            feedThread.start();
            return new LiveDemo(platform, runtime, worker, workerThread, workerEndpoint, aggregator, feed, feedThread);
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** The dashboard's port (also /metrics.json, /monitor.json, /metrics). */
    public int dashboardPort() {
        return aggregator.httpPort();
    }

    /** The worker's /metrics, /healthz, /readyz port. */
    public int workerPort() {
        return workerEndpoint.port();
    }

    public long clipsSent() {
        return feed.sent();
    }

    /** Whether the feed shifts its clips now. */
    public boolean shifted() {
        return feed.shifted();
    }

    /** Fails with the worker's error once its loop has died. */
    public void checkAlive() {
        worker.failure().ifPresent(e -> {
            throw new IllegalStateException("the worker stopped: " + e.getMessage(), e);
        });
    }

    @Override
    public void close() throws Exception {
        LOG.info("stopping: {} clips fed", feed.sent());
        feed.stop();
        feedThread.join(10_000);
        try (platform; runtime; aggregator; workerEndpoint) {
            worker.close();
            workerThread.join(30_000);
        }
    }
}
