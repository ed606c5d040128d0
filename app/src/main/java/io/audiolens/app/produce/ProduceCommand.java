package io.audiolens.app.produce;

import io.audiolens.app.options.ClusterOptions;
import io.audiolens.producers.SampleProducer;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.publish.ProgressBar;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.Manifest;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.producers.source.SampleIds;
import io.audiolens.producers.shift.AudioShift;
import io.audiolens.producers.split.ProbeFraction;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.producers.watch.FolderWatch;
import io.audiolens.producers.watch.SentFiles;
import io.audiolens.producers.watch.WatchedFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens produce}: audio files to {@code audiolens.samples}, rejections to the dead letters. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish audio clips as AudioSample events: a SAKURA folder, a manifest, or a watched folder.",
                "Clips that cannot be used go to audiolens.dead-letters with the reason; a summary ends the run.",
                "Exit code 1 when the broker did not acknowledge every record (run again: sample ids are stable)."})
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--dataset", paramLabel = "DIR", description = "SAKURA layout: DIR/<Track>/audio/*.wav"
                + " and DIR/<Track>/metadata.csv (Track: Gender, Language, Emotion, Animal)")
        Path sakura;

        @Option(names = "--manifest", paramLabel = "FILE", description = "CSV or JSONL with path, attribute,"
                + " label (optional), split (optional: probe, test, unlabelled); paths relative to FILE's folder")
        Path manifest;

        @ArgGroup(exclusive = false)
        WatchOptions watch;
    }

    @Option(names = "--probe-size", defaultValue = "" + ProbeQuota.DEFAULT_PROBE_SIZE, description = "per"
            + " attribute, this many clips with the smallest id hashes are PROBE, the rest TEST (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--dataset-name", description = "first part of every sample id (default: the folder's name)")
    String datasetName;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--shift", defaultValue = "none", paramLabel = "none|lowpass:HZ|noise:DB", description = "change"
            + " every clip on purpose, to see what the monitored model does: lowpass:1000 keeps what is below 1 kHz,"
            + " noise:10 adds white noise 10 dB below the clip (default: ${DEFAULT-VALUE})")
    String shift;

    @Option(names = "--progress", defaultValue = "auto", description = "auto, bar, lines or none (default: ${DEFAULT-VALUE})")
    String progress;

    /** Counted down once the summary is printed, which a Ctrl-C during a watch waits for. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        try {
            ProduceSummary summary = source.watch != null ? watch() : produceAll();
            PrintWriter err = spec.commandLine().getErr();
            err.print(summary.describe());
            err.flush();
            return summary.failed().isEmpty() ? 0 : 1;
        } finally {
            finished.countDown();
        }
    }

    /** Lists every clip first, so that a bad folder or manifest fails before anything is sent. */
    private ProduceSummary produceAll() {
        List<ListedClip> clips = source.sakura != null
                ? SakuraFolder.list(source.sakura, dataset(source.sakura, SampleIds::folderName))
                : Manifest.read(source.manifest, dataset(source.manifest, Manifest::defaultDatasetName));
        ProbeQuota quota = new ProbeQuota(probeSize);
        Progress bar = progress(clips.size());
        try (SampleProducer producer = connect()) {
            return producer.produce(clips, quota, bar);
        } finally {
            bar.finish();
        }
    }

    private ProduceSummary watch() {
        WatchOptions options = source.watch;
        WatchedFolder folder = new WatchedFolder(options.dir, dataset(options.dir, SampleIds::folderName),
                options.attribute, Optional.ofNullable(options.label), SentFiles.load(options.stateFile()));
        ProbeFraction split = new ProbeFraction(options.probeFraction);
        try (SampleProducer producer = connect()) {
            FolderWatch watch = new FolderWatch(producer, folder, split, progress(0));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                watch.stop();
                awaitQuietly(finished);
            }, "produce-shutdown"));
            return watch.run(options.pollInterval);
        }
    }

    private SampleProducer connect() {
        return SampleProducer.connect(cluster.kafka(), cluster.serdes(), AudioShift.parse(shift));
    }

    private String dataset(Path path, Function<Path, String> defaultName) {
        return SampleIds.checkDatasetName(datasetName != null ? datasetName : defaultName.apply(path));
    }

    private Progress progress(long total) {
        return switch (progress) {
            case "auto" -> ProgressBar.onStderr(total, ProgressBar.styleForThisTerminal());
            case "bar" -> ProgressBar.onStderr(total, ProgressBar.Style.BAR);
            case "lines" -> ProgressBar.onStderr(total, ProgressBar.Style.LINES);
            case "none" -> Progress.NONE;
            default -> throw new IllegalArgumentException("--progress must be auto, bar, lines or none, not " + progress);
        };
    }

    /** Lets the watch finish its scan and print the summary before the JVM exits. */
    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
