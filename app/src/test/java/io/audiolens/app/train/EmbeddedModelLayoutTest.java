package io.audiolens.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.worker.checkpoint.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bundled model is laid out as HF transformers writes Qwen2-Audio: compared with the reference
 * fixture, which transformers 5.17 itself saved, tensor by tensor (names with layer numbers folded, ranks),
 * and the config's and tokenizer's audio token agree. transformers is not installed here, so this is the
 * closest check of "HF could load it" the machine allows.
 */
class EmbeddedModelLayoutTest {

    private static final Path BUNDLED = Path.of("../demo/audiolens-tiny");
    private static final Path HF_SAVED = Path.of("../inference-worker/src/test/resources/qwen2audio-tiny-a");

    @Test
    void shouldHoldTheTensorsHfSavesForQwen2AudioUnderTheReleasedCheckpointsNames() {
        Map<String, Integer> bundled = foldedRanks(Checkpoint.open(BUNDLED), "language_model.model.");
        // transformers 5 saves the decoder one level deeper than the released checkpoint; both load
        Map<String, Integer> hfSaved = foldedRanks(Checkpoint.open(HF_SAVED), "language_model.model.model.");

        assertEquals(hfSaved, bundled);
    }

    @Test
    void shouldDeclareTheSameArchitectureAndAudioTokenAsTheHfSavedConfig() throws IOException {
        JsonNode bundled = Checkpoint.open(BUNDLED).config();
        JsonNode hfSaved = Checkpoint.open(HF_SAVED).config();
        JsonNode tokenizer = new ObjectMapper().readTree(BUNDLED.resolve("tokenizer.json").toFile());

        assertEquals(hfSaved.get("architectures"), bundled.get("architectures"));
        assertEquals(hfSaved.get("model_type"), bundled.get("model_type"));
        assertEquals(hfSaved.get("text_config").get("model_type"), bundled.get("text_config").get("model_type"));
        assertEquals(hfSaved.get("audio_config").get("model_type"), bundled.get("audio_config").get("model_type"));
        assertEquals(addedTokenId(tokenizer, "<|AUDIO|>"), bundled.get("audio_token_index").asInt());
        assertTrue(bundled.get("text_config").get("vocab_size").asInt() >= vocabulary(tokenizer),
                "every token id has an embedding row");
    }

    /** Tensor name → rank, with the decoder prefix made uniform and every layer number written N. */
    private static Map<String, Integer> foldedRanks(Checkpoint checkpoint, String decoderPrefix) {
        Map<String, Integer> ranks = new TreeMap<>();
        checkpoint.shapes().forEach((name, shape) -> {
            String uniform = name.startsWith(decoderPrefix) ? "decoder." + name.substring(decoderPrefix.length()) : name;
            ranks.put(uniform.replaceAll("\\.\\d+\\.", ".N."), shape.length);
        });
        return ranks;
    }

    private static int addedTokenId(JsonNode tokenizer, String content) {
        for (JsonNode token : tokenizer.get("added_tokens")) {
            if (token.get("content").asText().equals(content)) {
                return token.get("id").asInt();
            }
        }
        throw new AssertionError(content + " is not an added token of " + BUNDLED.resolve("tokenizer.json"));
    }

    private static int vocabulary(JsonNode tokenizer) {
        int highest = -1;
        for (JsonNode id : tokenizer.get("model").get("vocab")) {
            highest = Math.max(highest, id.asInt());
        }
        for (JsonNode token : tokenizer.get("added_tokens")) {
            highest = Math.max(highest, token.get("id").asInt());
        }
        return highest + 1;
    }
}
