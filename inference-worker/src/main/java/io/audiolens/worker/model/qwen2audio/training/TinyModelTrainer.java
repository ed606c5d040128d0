package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.api.training.LabelledClip;
import io.audiolens.worker.model.api.training.TrainingSettings;
import io.audiolens.worker.model.api.training.TrainingSummary;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioConfig;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioPrompts;
import io.audiolens.worker.model.qwen2audio.WordLevelTokenizer;
import io.audiolens.worker.runtime.Constants;
import io.audiolens.worker.model.qwen2audio.training.AnswerObjective.Question;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Trains a small Qwen2-Audio from scratch to answer the AudioLens prompts (P1–P3) about labelled clips,
 * with the runtime's own forward pass and DJL autograd, and writes it as an HF checkpoint folder
 * (config.json, model.safetensors in float32, the generated word-level tokenizer.json) that
 * {@code LensRuntime.load} reads back.
 *
 * <p>Stage 1 ({@link EncoderWarmUp}) trains the encoder and projector alone through linear probes.
 * Stage 2 trains the whole model on the answers: each step asks one clip about every attribute it is
 * labelled with, each time in a prompt format drawn at random; the loss is the cross-entropy of the
 * label's first token at each prompt's last position (full-vocabulary softmax), and the prompts run in
 * one decoder pass that computes their shared start (system text, audio) once.
 *
 * <p>Left alone, a model this small reads the label off the audio in its first layer and merely carries
 * it up: the logit lens then finds the answer at every depth. The demo is there to show the lens at work,
 * so an optional late-answer term (weight {@code lateAnswerWeight}) pulls the lens reading of layers
 * 1..L/2 towards uniform over the labels, which pushes the answer up the stack as in the large models of
 * the paper. It is a pull, not a wall: it flattens those layers' label probabilities, but their argmax
 * still carries some of the label, and the bundled model (L = 8) reads most languages at layer 4.
 * Reports on this model show that shape partly because it was trained in.
 *
 * <p>In both stages every clip is heard through {@link FeatureAugmentation}, and gradients accumulate
 * over {@code clipsPerUpdate} clips before one Adam update. Everything random — initial weights, probes,
 * clip order, augmentation — follows the seed, and a run repeats bit for bit on the same machine.
 * Constants on the differentiated path (attention scale, norms, loss weights) go through
 * {@link io.audiolens.worker.runtime.Constants}, never DJL's Number overloads, whose scalars the
 * backward pass would read after they were freed.
 */
final class TinyModelTrainer {
    private static final PromptFormat[] FORMATS = PromptFormat.values();
    private final TrainingSettings settings;
    private final TinyArchitecture architecture;
    private final PrintStream progress;
    private final boolean redraw;

    /**
     * One clip's loss: what is minimised ({@code total}, a scalar) and, reported per epoch, the summed
     * cross-entropy of its {@code count} answers.
     */
    record Loss(NDArray total, NDArray answers, int count) {}

    /** The loss of one clip, given how it is heard this time (augmented). */
    @FunctionalInterface
    interface ClipLoss {
        Loss of(NDManager step, TrainingClip clip, TrainingClip.Heard heard);
    }

    /**
     * Progress goes to {@code progress} as plain lines (a log file). {@code architecture} has the settings'
     * shape and fills in the rest (heads, feed-forward widths).
     */
    TinyModelTrainer(TrainingSettings settings, TinyArchitecture architecture, PrintStream progress) {
        this(settings, architecture, progress, false);
    }

    /** With {@code redraw}, the bar within an epoch is redrawn in place (a terminal). */
    TinyModelTrainer(TrainingSettings settings, TinyArchitecture architecture, PrintStream progress,
            boolean redraw) {
        if (!architecture.shape().equals(settings.shape())) {
            throw new IllegalArgumentException("the architecture " + architecture + " does not have the shape the "
                    + "settings ask for, " + settings.shape() + "; make it with TinyArchitecture.of(settings.shape())");
        }
        this.settings = settings;
        this.architecture = architecture;
        this.progress = progress;
        this.redraw = redraw;
    }

    /** Trains on {@code train}, reports held-out accuracy after every epoch, and writes the model into {@code out}. */
    TrainingSummary train(List<LabelledClip> train, List<LabelledClip> heldOut, Path out) throws IOException {
        if (train.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("training needs labelled clips for both training (" + train.size()
                    + ") and held-out evaluation (" + heldOut.size() + ")");
        }
        long start = System.nanoTime();
        Path tokenizerJson = writeTokenizer(out);
        try (HfTokenizer tokenizer = HfTokenizer.load(tokenizerJson)) {
            Qwen2AudioPrompts prompts = new Qwen2AudioPrompts(tokenizer);
            Qwen2AudioConfig config = architecture.config(
                    WordLevelTokenizer.vocabularySize(WordLevelTokenizer.promptVocabulary()),
                    Math.toIntExact(prompts.audioTokenId()));
            WhisperLogMel logMel = new WhisperLogMel(config.audio().melBins());
            List<TrainingClip> trainClips = TrainingClip.load(train, logMel);
            List<TrainingClip> heldOutClips = TrainingClip.load(heldOut, logMel);
            progress.printf(Locale.ROOT, "train-tiny: %d training clips, %d held-out clips, features in %s%n",
                    trainClips.size(), heldOutClips.size(), since(start));
            Random random = new Random(settings.seed());
            try (Qwen2AudioModel model = Qwen2AudioModel.initialise(config, Device.cpu(), settings.seed())) {
                List<Double> encoderLosses = warmUpEncoder(model, trainClips, heldOutClips, random, start);
                AnswerObjective objective = new AnswerObjective(model, new Prompts(prompts));
                Map<String, NDArray> weights = model.trainableWeights();
                weights.values().forEach(w -> w.setRequiresGradient(true));
                Optimizer adam = AdamSchedule.of(settings, settings.learningRate(), settings.epochs(), trainClips.size());
                List<Double> losses = new ArrayList<>();
                HeldOutEvaluation.Result accuracy = null;
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    EpochProgress bar = bar("answers", epoch, settings.epochs(), trainClips.size());
                    losses.add(epoch(model, trainClips, random, weights, adam, bar,
                            (step, clip, heard) -> answerLoss(objective, step, clip, heard, random)));
                    accuracy = HeldOutEvaluation.of(model, objective, heldOutClips);
                    progress.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, held-out accuracy %s (%s)%n", epoch,
                            settings.epochs(), losses.get(epoch - 1), accuracy.all().summary(), since(start));
                    if (accuracy.bySource().size() > 1) {
                        accuracy.bySource().forEach((source, a) ->
                                progress.printf(Locale.ROOT, "  %s: %s%n", source, a.summary()));
                    }
                }
                model.save(out);
                return new TrainingSummary(encoderLosses, losses, accuracy.all(), accuracy.bySource(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /** Stage 1: the encoder and projector through linear probes; returns the mean loss of each epoch. */
    private List<Double> warmUpEncoder(Qwen2AudioModel model, List<TrainingClip> train, List<TrainingClip> heldOut,
            Random random, long start) {
        List<Double> losses = new ArrayList<>();
        try (EncoderWarmUp warmUp = new EncoderWarmUp(model, train)) {
            Map<String, NDArray> weights = warmUp.trainableWeights();
            weights.values().forEach(w -> w.setRequiresGradient(true));
            Optimizer adam = AdamSchedule.of(settings, settings.encoderLearningRate(), settings.encoderEpochs(), train.size());
            for (int epoch = 1; epoch <= settings.encoderEpochs(); epoch++) {
                EpochProgress bar = bar("encoder", epoch, settings.encoderEpochs(), train.size());
                losses.add(epoch(model, train, random, weights, adam, bar, warmUp::loss));
                String accuracy = warmUp.accuracy(heldOut).entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey().name(), 100 * e.getValue()))
                        .collect(Collectors.joining(", "));
                progress.printf(Locale.ROOT, "encoder epoch %d/%d: loss %.4f, held-out probe accuracy %s (%s)%n", epoch,
                        settings.encoderEpochs(), losses.get(epoch - 1), accuracy, since(start));
            }
        }
        return losses;
    }

    /** One pass over the shuffled clips; returns the mean cross-entropy per answer. */
    private double epoch(Qwen2AudioModel model, List<TrainingClip> clips, Random random, Map<String, NDArray> weights,
            Optimizer adam, EpochProgress bar, ClipLoss lossOf) {
        List<TrainingClip> order = new ArrayList<>(clips);
        Collections.shuffle(order, random);
        double lossSum = 0;
        int answers = 0;
        for (int i = 0; i < order.size(); i++) {
            try (NDManager step = model.newCallManager();
                    GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                TrainingClip clip = order.get(i);
                Loss loss = lossOf.of(step, clip, clip.augmented(step, settings.channelAugmentation(), random));
                lossSum += loss.answers().getFloat();
                answers += loss.count();
                int groupStart = i - i % settings.clipsPerUpdate();
                int group = Math.min(settings.clipsPerUpdate(), order.size() - groupStart); // the last may be short
                collector.backward(Constants.dividedBy(loss.total(), group));
            }
            if ((i + 1) % settings.clipsPerUpdate() == 0 || i == order.size() - 1) {
                update(weights, adam);
            }
            bar.update(i + 1, lossSum / answers);
        }
        bar.finish();
        return lossSum / answers;
    }

    /**
     * The clip asked once per attribute it is labelled with, each time in a prompt format drawn at random:
     * the answers' cross-entropy, plus the late-answer term on the lens of the lower half of the layers.
     */
    private Loss answerLoss(AnswerObjective objective, NDManager step, TrainingClip clip, TrainingClip.Heard heard,
            Random random) {
        List<Question> questions = new ArrayList<>();
        clip.labels().forEach((attribute, label) ->
                questions.add(new Question(attribute, FORMATS[random.nextInt(FORMATS.length)], label)));
        List<NDArray> lastRows = objective.lastRows(step, objective.audio(heard), questions);
        NDArray answers = objective.loss(step, objective.logits(lastRows), questions);
        NDArray total = settings.lateAnswerWeight() == 0 ? answers : answers.add(
                Constants.times(objective.earlyReadout(lastRows, questions, lastRows.size() / 2),
                        settings.lateAnswerWeight()));
        return new Loss(total, answers, questions.size());
    }

    private EpochProgress bar(String stage, int epoch, int epochs, int clips) {
        return new EpochProgress(progress, redraw, stage, epoch, epochs, clips, System::nanoTime);
    }

    /** One Adam step from the accumulated gradients, which are then zeroed in place. */
    private static void update(Map<String, NDArray> weights, Optimizer adam) {
        for (Map.Entry<String, NDArray> w : weights.entrySet()) {
            try (NDArray gradient = w.getValue().getGradient()) {
                adam.update(w.getKey(), w.getValue(), gradient);
                gradient.subi(gradient);
            }
        }
    }

    private static Path writeTokenizer(Path out) throws IOException {
        Files.createDirectories(out);
        Path tokenizerJson = out.resolve("tokenizer.json");
        Files.writeString(tokenizerJson, WordLevelTokenizer.json(WordLevelTokenizer.promptVocabulary()));
        return tokenizerJson;
    }

    private static String since(long start) {
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        return EpochProgress.minutesAndSeconds(seconds);
    }
}
