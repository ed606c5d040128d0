package io.audiolens.app.bench;

import io.audiolens.app.demo.DemoCommand;
import io.audiolens.app.options.DeviceOptions;
import io.audiolens.audio.UndecodableAudioException;
import io.audiolens.audio.WavDecoder;
import io.audiolens.producers.clip.CheckedClip;
import io.audiolens.producers.clip.ClipCheck;
import io.audiolens.producers.clip.ClipDecoding;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.source.SakuraFolder;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.Split;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.service.WorkerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens bench worker}: the worker's clips/s at batch 1 and at larger batches, on the bundled model by default. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Clips and projections per second of the worker's analysis (every prompt format and view of",
            "each clip; no broker) at batch 1 and at the given batch sizes, on --device; the best batch and how far",
            "its numbers are from batch 1's."})
public final class WorkerBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR|ORG/NAME[@REV]", description = "the model (default: the bundled "
            + DemoCommand.BUNDLED_MODEL + ")")
    String model;

    @Option(names = "--data", paramLabel = "DIR", description = "SAKURA-layout folder of clips (default: the bundled "
            + DemoCommand.BUNDLED_DATA + ")")
    Path data;

    @Option(names = "--clips", defaultValue = "48", description = "clips to analyse per pass, the first by sample id "
            + "(default: ${DEFAULT-VALUE})")
    int clips;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,2,4,8", paramLabel = "N[,N...]",
            description = "batch sizes to time; 1 is always timed (default: ${DEFAULT-VALUE})")
    List<Integer> batchSizes;

    @Option(names = "--repeats", defaultValue = "3", description = "passes per batch size, interleaved; the median is "
            + "reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (clips < 1 || repeats < 1) {
            throw new IllegalArgumentException("--clips " + clips + ", --repeats " + repeats + ": give 1 or more of each");
        }
        TreeSet<Integer> sizes = new TreeSet<>(batchSizes);
        sizes.add(1);
        if (sizes.first() < 1) {
            throw new IllegalArgumentException("--batch-sizes " + batchSizes + ": batch sizes are 1 or more clips");
        }
        Path home = DemoCommand.home();
        Path folder = data != null ? data : home.resolve(DemoCommand.BUNDLED_DATA);
        ModelLocation location = model != null ? ModelLocation.of(model)
                : ModelLocation.folder(home.resolve(DemoCommand.BUNDLED_MODEL));
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--data " + folder + " does not exist; run from the repository root"
                    + " (./audiolens bench worker) or pass --data DIR");
        }
        List<AudioSample> samples = samples(folder);
        PrintWriter err = spec.commandLine().getErr();
        ComputeDevice compute = device.compute();
        WorkerSettings settings = new WorkerSettings(null, null, location.folder(), compute, LabelTokenMode.LEADING_SPACE,
                List.of(PromptFormat.values()), List.of(View.values()), "bench", WorkerSettings.DEFAULT_GROUP);
        WorkerBenchmark.Result result;
        try (LensRuntime runtime = LensRuntime.load(location, compute, LabelTokenMode.LEADING_SPACE)) {
            result = WorkerBenchmark.run(runtime, settings, compute.toString(), samples,
                    List.copyOf(sizes), repeats, line -> {
                        err.println(line);
                        err.flush();
                    });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }

    /** The first {@code clips} clips of the folder by sample id that pass the producers' checks, decoded to 16 kHz mono. */
    private List<AudioSample> samples(Path folder) {
        List<ListedClip> listed = new ArrayList<>(SakuraFolder.list(folder, folder.getFileName().toString()));
        listed.sort(Comparator.comparing(ListedClip::sampleId));
        // a clip `produce` would refuse is not timed either
        List<CheckedClip> usable = new ClipCheck().usable(listed, (clip, reason) -> { });
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("--data " + folder + " lists no usable clip; pass a SAKURA-layout folder"
                    + " (<Track>/audio/*.wav + <Track>/metadata.csv)");
        }
        List<AudioSample> samples = new ArrayList<>();
        for (CheckedClip clip : usable.subList(0, Math.min(clips, usable.size()))) {
            try {
                samples.add(ClipDecoding.toSample(clip, WavDecoder.decode(clip.file()).pcm16(), Split.TEST));
            } catch (UndecodableAudioException e) {
                throw new IllegalArgumentException(clip.file() + " cannot be decoded (" + e.reason() + "); pass --data"
                        + " with readable WAV files", e);
            }
        }
        return samples;
    }
}
