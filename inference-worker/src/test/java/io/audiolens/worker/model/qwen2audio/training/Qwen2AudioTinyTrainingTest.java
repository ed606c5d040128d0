package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.training.LabelledClip;
import io.audiolens.worker.model.api.training.TinyShape;
import io.audiolens.worker.model.api.training.TinyTraining;
import io.audiolens.worker.model.api.training.TrainingSettings;
import io.audiolens.worker.model.api.training.TrainingSummary;
import io.audiolens.worker.prompt.LabelTokenMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qwen2-Audio's tiny training as {@code train-tiny} reaches it: through {@code ModelFamily.tinyTraining()}. */
class Qwen2AudioTinyTrainingTest {
    private static final Path CLIPS = Path.of("../demo/data/heldout");
    private static final TinyTraining TRAINING = ModelFamilies.named("qwen2-audio").tinyTraining().orElseThrow();

    @Test
    void shouldFillTheDefaultShapeOutAsTheBundledModelIs() throws Exception {
        TinyArchitecture filled = TinyArchitecture.of(TRAINING.defaults(1).shape());

        JsonNode config = new ObjectMapper().readTree(Path.of("../demo/audiolens-tiny/config.json").toFile());
        JsonNode audio = config.path("audio_config");
        JsonNode text = config.path("text_config");
        assertEquals(new TinyArchitecture(audio.path("encoder_layers").asInt(), audio.path("d_model").asInt(),
                audio.path("encoder_attention_heads").asInt(), audio.path("encoder_ffn_dim").asInt(),
                text.path("num_hidden_layers").asInt(), text.path("hidden_size").asInt(),
                text.path("num_attention_heads").asInt(), text.path("num_key_value_heads").asInt(),
                text.path("intermediate_size").asInt()), filled);
    }

    @Test
    void shouldTrainAModelOfTheShapeAskedThatTheLensReadsBack(@TempDir Path out) throws Exception {
        TrainingSettings settings = new TrainingSettings(3, 1, 3e-3f, 1, 5e-3f, 0.5f, 0.5f, 2, 0,
                new TinyShape(1, 48, 2, 48));
        List<LabelledClip> clips = List.of(
                new LabelledClip(CLIPS.resolve("Language/audio/espeak-ng_m7_english_27.wav"), Attribute.LANGUAGE, "English"),
                new LabelledClip(CLIPS.resolve("Gender/audio/espeak-ng_f5_german_27.wav"), Attribute.GENDER, "female"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        TrainingSummary summary = TRAINING.train(settings, clips, clips, out,
                new PrintStream(progress, true, StandardCharsets.UTF_8), false);

        assertEquals(1, summary.encoderEpochLosses().size());
        assertEquals(1, summary.epochLosses().size());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("epoch 1/1: loss "), progress.toString());
        // the shape asked, the default's 4 heads (2 key/value heads), feed-forward 256 · 48 / 96 wide
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        JsonNode audio = config.path("audio_config");
        JsonNode text = config.path("text_config");
        assertEquals(List.of(1, 48, 4, 128), List.of(audio.path("encoder_layers").asInt(), audio.path("d_model").asInt(),
                audio.path("encoder_attention_heads").asInt(), audio.path("encoder_ffn_dim").asInt()), "audio_config");
        assertEquals(List.of(2, 48, 4, 2, 128), List.of(text.path("num_hidden_layers").asInt(),
                text.path("hidden_size").asInt(), text.path("num_attention_heads").asInt(),
                text.path("num_key_value_heads").asInt(), text.path("intermediate_size").asInt()), "text_config");
        try (LensRuntime runtime = LensRuntime.load(out, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE)) {
            assertEquals("qwen2-audio", runtime.family());
            assertEquals(2, runtime.layers());
        }
    }
}
