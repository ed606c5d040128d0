package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.model.api.training.LabelledClip;
import io.audiolens.worker.model.api.training.TrainingSettings;
import io.audiolens.worker.model.api.training.TrainingSummary;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few epochs of a very small model on a handful of the bundled held-out clips: not the real training. */
class TinyModelTrainerTest {
    private static final Path CLIPS = Path.of("../demo/data/heldout");
    private static final TinyArchitecture SMALL = new TinyArchitecture(1, 32, 2, 64, 2, 32, 2, 1, 64);
    private static final TrainingSettings SETTINGS = new TrainingSettings(7, 1, 3e-3f, 6, 5e-3f, 0.5f, 0.5f, 3, 2,
            SMALL.shape());
    // 4 recordings, 3 per update: every epoch ends on a short group of 1

    @Test
    void shouldLowerTheLossAndRepeatItselfForTheSameSeed(@TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        TrainingSummary first = train(out.resolve("first"), new PrintStream(progress, true, StandardCharsets.UTF_8));
        TrainingSummary second = train(out.resolve("second"), new PrintStream(new ByteArrayOutputStream()));

        List<Double> losses = first.epochLosses();
        assertTrue(losses.get(losses.size() - 1) < 0.8 * losses.get(0), "losses per epoch " + losses);
        // the same seed gives the same run, bit for bit
        assertEquals(losses, second.epochLosses());
        assertEquals(first.encoderEpochLosses(), second.encoderEpochLosses());
        assertEquals(List.of("espeak-ng"), List.copyOf(first.heldOutBySource().keySet()), "sources by file name");
        assertArrayEquals(Files.readAllBytes(out.resolve("first/model.safetensors")),
                Files.readAllBytes(out.resolve("second/model.safetensors")));
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("epoch 6/6: loss ") && lines.contains("held-out accuracy ") && lines.contains("gender ")
                && lines.contains("language "), lines);
    }

    @Test
    void shouldWriteTheTrainedWeightsTheLensReadsBack(@TempDir Path out) throws Exception {
        TrainingSummary summary = train(out, new PrintStream(new ByteArrayOutputStream()));

        // the trainer's own held-out accuracy (packed prompts) equals the lens runtime's on the saved checkpoint
        try (LensRuntime runtime = LensRuntime.load(out, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE)) {
            assertEquals(SMALL.decoderLayers(), runtime.layers());
            for (Attribute attribute : List.of(Attribute.LANGUAGE, Attribute.GENDER)) {
                double correct = 0;
                int asked = 0;
                for (LabelledClip clip : heldOut()) {
                    if (clip.attribute() != attribute) {
                        continue;
                    }
                    try (ClipSession session = runtime.open(WavDecoder.decode(clip.file()).waveform())) {
                        for (PromptFormat format : PromptFormat.values()) {
                            LensReport report = session.analyze(attribute, format, List.of());
                            correct += report.prediction().equals(clip.label()) ? 1 : 0;
                            asked++;
                        }
                    }
                }
                assertEquals(summary.heldOut().of(attribute), correct / asked, 1e-9, attribute.name());
                assertEquals(summary.heldOut().of(attribute), summary.heldOutBySource().get("espeak-ng").of(attribute),
                        "every held-out clip is espeak-ng's");
            }
        }
    }

    private static TrainingSummary train(Path out, PrintStream progress) throws Exception {
        return new TinyModelTrainer(SETTINGS, SMALL, progress).train(clips(), heldOut(), out);
    }

    private static List<LabelledClip> clips() {
        List<LabelledClip> clips = new ArrayList<>();
        for (String name : List.of("espeak-ng_m7_english_27", "espeak-ng_f5_english_27", "espeak-ng_m7_german_27",
                "espeak-ng_f5_german_27")) {
            String language = name.contains("_english_") ? "English" : "German";
            String gender = name.contains("_m7_") ? "male" : "female";
            clips.add(new LabelledClip(CLIPS.resolve("Language/audio/" + name + ".wav"), Attribute.LANGUAGE, language));
            clips.add(new LabelledClip(CLIPS.resolve("Gender/audio/" + name + ".wav"), Attribute.GENDER, gender));
        }
        return clips;
    }

    /** The English clips of the training set, both voices, both attributes. */
    private static List<LabelledClip> heldOut() {
        return clips().subList(0, 4);
    }
}
