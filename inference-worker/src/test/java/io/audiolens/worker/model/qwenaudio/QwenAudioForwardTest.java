package io.audiolens.worker.model.qwenaudio;

import static io.audiolens.worker.testing.DecoderParity.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.model.api.UnusableAudioException;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.DecoderParity;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qwen-Audio-Chat against the numbers its own code computed for the tiny fixture. */
class QwenAudioForwardTest {
    private static final String FIXTURE = "qwenaudio-tiny-a";
    private static final Path FOLDER = TinyReference.folder(FIXTURE);
    private static QwenAudioModel model;
    private static NDManager scope;
    private static NDList ref;

    @BeforeAll
    static void load() {
        model = (QwenAudioModel) new QwenAudioFamily().load(FOLDER, Map.of(), Device.cpu(), DataType.FLOAT32);
        scope = model.newCallManager();
        ref = TinyReference.arrays(FIXTURE, scope);
    }

    @AfterAll
    static void close() {
        scope.close();
        model.close();
    }

    @Test
    void shouldComputeTheOriginalsLogMelFromTheWav() throws Exception {
        float[] waveform = WavDecoder.decode(FOLDER.resolve("audio.wav")).waveform();
        assertArrayEquals(ref.get("waveform").toFloatArray(), waveform);
        LogMelFeatures features = model.features(waveform);
        assertEquals(ref.get("feature_frames").getLong(), features.wholeFrames());
        NDArray ours = scope.create(features.values(), new Shape(80, 3000));
        float worst = ours.sub(ref.get("input_features")).abs().max().getFloat();
        assertTrue(worst <= 1e-4, "log-mel max abs difference " + worst);
    }

    @Test
    void shouldBuildThePromptAroundTheAudioSpanAsTheOriginal() {
        PromptInput prompt = prompt();
        assertArrayEquals(ref.get("input_ids").toLongArray(), prompt.ids());
        assertArrayEquals(ref.get("audio_mask_positions").toLongArray(),
                Arrays.stream(prompt.audioPositions()).asLongStream().toArray());
        long[] span = ref.get("audio_span").toLongArray(); // <audio> and </audio>, which stay visible
        assertArrayEquals(LongStream.rangeClosed(span[0] + 1, span[1] - 1).toArray(),
                Arrays.stream(prompt.audioPositions()).asLongStream().toArray());
        assertClose("inputs_embeds", prompt.embeddings(), ref.get("inputs_embeds"));
    }

    @Test
    void shouldReproduceEveryBlocksResidualsAtEveryPosition() {
        DecoderParity.assertResiduals(model.decoder(), ref.get("inputs_embeds"), ref.get("residuals"));
    }

    @Test
    void shouldReproduceTheLastTokenVariantsFromTheCachedPrefix() {
        int[] audio = Arrays.stream(ref.get("audio_mask_positions").toLongArray()).mapToInt(Math::toIntExact).toArray();
        LastTokenStates last = DecoderParity.assertLastTokenVariants(model.decoder(), ref, audio, 1, 4);
        int layers = model.layers();
        assertClose("plain logits", model.lensHead().logits(last.plain(layers).expandDims(0)).get(0),
                ref.get("logits_last"));
        assertClose("audio-masked logits", model.lensHead().logits(last.audioMasked(layers).expandDims(0)).get(0),
                ref.get("logits_last_audio_masked"));
        assertClose("enriched 0.5 logits", model.lensHead().logits(last.enriched(0, layers).expandDims(0)).get(0),
                ref.get("logits_last_enriched_0.5"));
    }

    @Test
    void shouldAgreeWithTheNaivePathForMaskedAndEnrichedVariants() {
        DecoderParity.assertNaivePathAgrees(model.decoder(), ref.get("inputs_embeds"), prompt().audioPositions(), 2);
    }

    @Test
    void shouldRefuseAPromptLongerThanSeqLength(@TempDir Path dir) throws Exception {
        Path copy = copyOfFixture(dir);
        Files.writeString(copy.resolve("config.json"),
                Files.readString(copy.resolve("config.json")).replace("\"seq_length\": 2048", "\"seq_length\": 100"));
        try (QwenAudioModel shortContext = (QwenAudioModel) new QwenAudioFamily().load(copy, Map.of(), Device.cpu(), DataType.FLOAT32);
                NDManager m = shortContext.newCallManager()) {
            EncodedClip clip = shortContext.encode(m, features());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> clip.prompt(m, Attribute.ANIMAL, PromptFormat.P3));
            assertTrue(e.getMessage().contains("124 positions") && e.getMessage().contains("seq_length 100"),
                    e.getMessage());
        }
    }

    @Test
    void shouldNameTheMissingTokenizerFile(@TempDir Path dir) throws Exception {
        Path copy = copyOfFixture(dir);
        Files.delete(copy.resolve("qwen.tiktoken"));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> new QwenAudioFamily().load(copy, Map.of(), Device.cpu(), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("no qwen.tiktoken") && e.getMessage().contains("Qwen/Qwen-Audio-Chat"),
                e.getMessage());
    }

    @Test
    void shouldRefuseAClipShorterThanOneAudioVectorAsUnusableAudio() {
        float[] waveform = new float[479];
        UnusableAudioException e = assertThrows(UnusableAudioException.class,
                () -> model.encode(scope, model.features(waveform)));
        assertTrue(e.getMessage().contains("479 samples") && e.getMessage().contains("at least 480"), e.getMessage());
        assertEquals(1, model.encode(scope, model.features(new float[480])).audioTokens());
    }

    private static PromptInput prompt() {
        return model.encode(scope, features()).prompt(scope, Attribute.ANIMAL, PromptFormat.P3);
    }

    private static LogMelFeatures features() {
        return new LogMelFeatures(ref.get("input_features").toFloatArray(), 80, 32_000);
    }

    private static Path copyOfFixture(Path dir) throws Exception {
        Path copy = dir.resolve(FIXTURE);
        Files.createDirectories(copy);
        for (String file : new String[] {"config.json", "model.safetensors", "qwen.tiktoken"}) {
            Files.copy(FOLDER.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
