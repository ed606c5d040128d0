package io.audiolens.app.train;

import io.audiolens.app.options.OutputPath;
import io.audiolens.worker.model.api.training.TinyShape;
import io.audiolens.worker.model.api.training.TinyTraining;
import io.audiolens.worker.model.api.training.TrainingSettings;
import io.audiolens.worker.model.api.training.TrainingSummary;
import io.audiolens.worker.runtime.DjlDefaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audiolens train-tiny}: trains the small Qwen2-Audio the demo embeds, from a generated speech set, through
 * the family's {@link TinyTraining}.
 */
@Command(name = "train-tiny", mixinStandardHelpOptions = true,
        description = "Train a tiny model of --family (a Qwen2-Audio by default) to answer the AudioLens prompts on "
                + "DATA/train; report DATA/heldout accuracy per epoch on stderr; write an HF checkpoint folder.")
public final class TrainTinyCommand implements Callable<Integer> {
    static final String DEFAULT_FAMILY = "qwen2-audio";
    /** The options' defaults: the default family's recipe and shape. */
    static final TrainingSettings DEFAULTS = TrainableFamilies.named(DEFAULT_FAMILY).defaults(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--family", paramLabel = "<family>", defaultValue = DEFAULT_FAMILY,
            converter = TrainableFamilies.Converter.class, completionCandidates = TrainableFamilies.class,
            description = "model family to train, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "the other options' defaults are its recipe)")
    TinyTraining training;

    @Option(names = "--data", required = true, description = "speech set with train/ and heldout/ in SAKURA layout "
            + "(tools/make-speech-set.sh DATA)")
    Path data;

    @Option(names = "--out", required = true, description = "checkpoint folder to write (config.json, model.safetensors, tokenizer.json)",
            converter = OutputPath.Folder.class)
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "seed of weights, clip order and prompt draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--encoder-epochs", description = "epochs of encoder warm-up through linear probes (default: ${DEFAULT-VALUE})")
    int encoderEpochs = DEFAULTS.encoderEpochs();

    @Option(names = "--encoder-learning-rate", description = "peak Adam learning rate of the warm-up (default: ${DEFAULT-VALUE})")
    float encoderLearningRate = DEFAULTS.encoderLearningRate();

    @Option(names = "--epochs", description = "epochs of training the whole model on the answers (default: ${DEFAULT-VALUE})")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--learning-rate", description = "peak Adam learning rate on the answers (default: ${DEFAULT-VALUE})")
    float learningRate = DEFAULTS.learningRate();

    @Option(names = "--late-answer-weight", description = "weight of the term that keeps the answer out of the lower "
            + "half of the layers, 0 to train without it (default: ${DEFAULT-VALUE})")
    float lateAnswerWeight = DEFAULTS.lateAnswerWeight();

    @Option(names = "--channel-augmentation", description = "probability that a training clip is also heard through "
            + "another channel (filter, room, noise); voice, tempo and loudness change always (default: ${DEFAULT-VALUE})")
    float channelAugmentation = DEFAULTS.channelAugmentation();

    @Option(names = "--clips-per-update", description = "clips whose gradients make one update (default: ${DEFAULT-VALUE})")
    int clipsPerUpdate = DEFAULTS.clipsPerUpdate();

    @Option(names = "--warmup", description = "updates of linear learning-rate warm-up (default: ${DEFAULT-VALUE})")
    int warmup = DEFAULTS.warmupUpdates();

    @Option(names = "--decoder-layers", description = "decoder layers (default: ${DEFAULT-VALUE})")
    int decoderLayers = DEFAULTS.shape().decoderLayers();

    @Option(names = "--width", description = "decoder width (default: ${DEFAULT-VALUE})")
    int width = DEFAULTS.shape().width();

    @Option(names = "--encoder-layers", description = "audio encoder layers (default: ${DEFAULT-VALUE})")
    int encoderLayers = DEFAULTS.shape().encoderLayers();

    @Option(names = "--encoder-width", description = "audio encoder width (default: ${DEFAULT-VALUE})")
    int encoderWidth = DEFAULTS.shape().encoderWidth();

    /** How the bar within an epoch is drawn. */
    enum ProgressStyle { AUTO, BAR, LINES }

    @Option(names = "--progress", description = "bar: redraw one line in place; lines: a line every 30 s (for logs); "
            + "auto: bar when the JVM has a terminal, but Java sees only stdin/stdout, so say lines when you redirect "
            + "stderr alone (default: auto)", converter = ProgressStyleConverter.class)
    ProgressStyle progress = ProgressStyle.AUTO;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads, whatever "
            + "-Dai.djl.pytorch.num_threads says; the weights depend on the count, and one is the fastest at this "
            + "width (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        DjlDefaults.useIntraOpThreads(threads);
        System.err.printf(Locale.ROOT, "train-tiny: seed %d, %d intra-op thread%s%n", seed, threads, threads == 1 ? "" : "s");
        TrainingSettings settings = new TrainingSettings(seed, encoderEpochs, encoderLearningRate, epochs, learningRate,
                lateAnswerWeight, channelAugmentation, clipsPerUpdate, warmup,
                new TinyShape(encoderLayers, encoderWidth, decoderLayers, width));
        TrainingSummary summary = training.train(settings, TrainingData.split(data, "train"),
                TrainingData.split(data, "heldout"), out, System.err,
                progress == ProgressStyle.BAR || progress == ProgressStyle.AUTO && System.console() != null);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s after %d epochs in %ds: held-out accuracy %s%n", out,
                summary.epochLosses().size(), summary.elapsed().toSeconds(), summary.heldOut().summary());
        if (summary.heldOutBySource().size() > 1) {
            summary.heldOutBySource().forEach((source, accuracy) ->
                    stdout.printf(Locale.ROOT, "  %s: %s%n", source, accuracy.summary()));
        }
        stdout.flush();
        return 0;
    }

    /** Accepts auto, bar, lines in any case. */
    static final class ProgressStyleConverter implements picocli.CommandLine.ITypeConverter<ProgressStyle> {
        @Override
        public ProgressStyle convert(String value) {
            try {
                return ProgressStyle.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected auto, bar or lines, got '" + value + "'");
            }
        }
    }
}
