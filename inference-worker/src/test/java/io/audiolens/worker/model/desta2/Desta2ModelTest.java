package io.audiolens.worker.model.desta2;

import static io.audiolens.worker.testing.DecoderParity.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.DecoderParity;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeSTA2, its connector read from the .pth alone, against the numbers DeSTA2's and AudioLens's own code computed. */
class Desta2ModelTest {
    private static final String FIXTURE = "desta2-tiny-a";
    private static final Path FOLDER = TinyReference.folder(FIXTURE);
    private static Desta2Model model;
    private static NDManager scope;
    private static NDList ref;
    private static JsonNode json;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        model = (Desta2Model) new Desta2Family().load(withoutSafetensors(dir), Map.of(), Device.cpu(), DataType.FLOAT32);
        scope = model.newCallManager();
        ref = TinyReference.arrays(FIXTURE, scope);
        json = TinyReference.json(FIXTURE);
    }

    @AfterAll
    static void close() {
        scope.close();
        model.close();
    }

    @Test
    void shouldTapTheEncoderAsDesta2ChoosesFromTheWhisperId() {
        assertEquals(List.of(2, 5, 8, 11), Desta2Config.fromJson(Checkpoint.readConfig(FOLDER)).taps());
    }

    @Test
    void shouldReproduceTheConnectorsTapsMixAndOutput() {
        Desta2Model.Perception p = model.perceive(ref.get("input_features"));
        for (int t = 0; t < 4; t++) {
            assertClose("tap " + t, p.connector().taps().get(t), ref.get("connector_tap_outputs").get(t));
        }
        assertClose("mix", p.connector().mix(), ref.get("connector_mix"));
        assertClose("output", p.vectors(), ref.get("connector_output"));
        assertEquals(json.path("transcription").asText(), p.generation().transcript().text());
    }

    @Test
    void shouldBuildThePromptWithItsQuirksAndSpliceTheAudioVectors() {
        EncodedClip clip = model.encode(scope, new LogMelFeatures(ref.get("input_features").toFloatArray(), 80, 32_000));
        PromptInput prompt = clip.prompt(scope, Attribute.EMOTION, PromptFormat.P3);
        assertEquals(json.path("prompt").asText(), promptText());
        assertArrayEquals(ref.get("input_ids").toLongArray(), prompt.ids());
        assertArrayEquals(ref.get("audio_mask_positions").toLongArray(),
                Arrays.stream(prompt.audioPositions()).asLongStream().toArray());
        assertClose("inputs_embeds", prompt.embeddings(), ref.get("inputs_embeds"));
        Desta2Prompt.Tokens tokens = model.prompt().tokens(Attribute.EMOTION, PromptFormat.P3, json.path("transcription").asText());
        assertEquals(ref.get("audio_position").getLong(), tokens.audioPosition());
        assertArrayEquals(ref.get("transcript_index").toLongArray(),
                Arrays.stream(tokens.transcriptTokens()).asLongStream().toArray());
    }

    @Test
    void shouldReproduceEveryLayersResidualsAndTheLastTokenVariants() {
        DecoderParity.assertResiduals(model.decoder(), ref.get("inputs_embeds"), ref.get("residuals"));
        int[] masked = Arrays.stream(ref.get("audio_mask_positions").toLongArray()).mapToInt(Math::toIntExact).toArray();
        DecoderParity.assertLastTokenVariants(model.decoder(), ref, masked, 2, 7);
        DecoderParity.assertNaivePathAgrees(model.decoder(), ref.get("inputs_embeds"), masked, 3);
    }

    @Test
    void shouldMaskExactlyTheTranscriptsTokensWhateverItsCharactersAndThePromptFormat() {
        long eot = json.path("special_token_ids").path("<|eot_id|>").asLong();
        for (String transcript : List.of("dog 😀😀 cat", "日本語 ♪ café", "")) {
            for (PromptFormat format : PromptFormat.values()) {
                Desta2Prompt.Tokens tokens = model.prompt().tokens(Attribute.EMOTION, format, transcript);
                int[] expected = IntStream.range(tokens.audioPosition() + 1, tokens.audioPosition() + 1
                        + model.tokenizer().encode(transcript).length).toArray();
                assertArrayEquals(expected, tokens.transcriptTokens(), format + " \"" + transcript + "\"");
                assertEquals(eot, tokens.ids()[tokens.audioPosition() + 1 + expected.length], "the audio turn's end");
            }
        }
    }

    /** The fixture as the release ships it: the connector only as qformer_connector.pth. */
    private static Path withoutSafetensors(Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(FIXTURE));
        for (String name : List.of("config.json", "qformer_connector.pth", "whisper", "llama")) {
            Files.createSymbolicLink(copy.resolve(name), FOLDER.resolve(name));
        }
        return copy;
    }

    private static String promptText() {
        String chat = model.prompt().chatText(Attribute.EMOTION, PromptFormat.P3);
        return chat.substring(0, chat.length() - "<|eot_id|>".length())
                .replace(Desta2Prompt.AUDIO_PLACEHOLDER, json.path("transcription").asText());
    }
}
