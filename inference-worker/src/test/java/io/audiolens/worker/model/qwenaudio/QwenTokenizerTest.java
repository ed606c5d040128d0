package io.audiolens.worker.model.qwenaudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.LabelTokens;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.ReferenceFixture;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qwen-Audio's tiktoken tokenizer against the ids its original code produced for the fixture. */
class QwenTokenizerTest {
    private static final String FIXTURE = "qwenaudio-tiny-a";
    private static QwenTokenizer tokenizer;
    private static JsonNode json;
    private static ReferenceFixture ref;

    @BeforeAll
    static void load() {
        tokenizer = QwenTokenizer.load(TinyReference.folder(FIXTURE).resolve("qwen.tiktoken"));
        json = TinyReference.json(FIXTURE);
        ref = ReferenceFixture.load(FIXTURE);
    }

    @Test
    void shouldNumberTheSpecialTokensAsTheOriginalDoes() {
        assertEquals(json.path("n_vocab_tokenizer").asInt(), tokenizer.vocabularySize());
        json.path("special_token_ids").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asInt(), tokenizer.specialId(e.getKey()), e.getKey()));
    }

    @Test
    void shouldEncodeTheFixturesPromptToItsIdsWithTheAudioPadsInPlace() {
        long[] whole = tokenizer.encode(json.path("prompt").asText());
        long[] expected = ref.longs("input_ids");
        // the original encodes the file name between the tags, then replaces its tokens by the pads
        int start = indexOf(whole, tokenizer.specialId("<audio>"));
        int end = indexOf(whole, tokenizer.specialId("</audio>"));
        assertArrayEquals(Arrays.copyOfRange(expected, 0, start + 1), Arrays.copyOfRange(whole, 0, start + 1));
        assertArrayEquals(Arrays.copyOfRange(expected, expected.length - (whole.length - end), expected.length),
                Arrays.copyOfRange(whole, end, whole.length));
        assertEquals(json.path("prompt").asText(), QwenAudioChatTemplate.render(Attribute.ANIMAL, PromptFormat.P3,
                "audio.wav"));
    }

    @Test
    void shouldFindEachLabelsFirstTokenInBothForms() {
        int[] spaced = LabelTokens.firstTokens(tokenizer, Attribute.ANIMAL.labels(), LabelTokenMode.LEADING_SPACE);
        int[] bare = LabelTokens.firstTokens(tokenizer, Attribute.ANIMAL.labels(), LabelTokenMode.NO_SPACE);
        assertArrayEquals(ints(ref.longs("label_token_ids")), spaced);
        assertArrayEquals(ints(ref.longs("label_token_ids_nospace")), bare);
        assertEquals(" rooster", tokenizer.decode(spaced[6]));
    }

    @Test
    void shouldRefuseLabelsThatShareTheirFirstToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelTokens.firstTokens(tokenizer, List.of("dog", "doggo"), LabelTokenMode.LEADING_SPACE));
        assertTrue(e.getMessage().contains("\"dog\" and \"doggo\"") && e.getMessage().contains("qwen.tiktoken"),
                e.getMessage());
    }

    @Test
    void shouldRefuseAFileThatIsNotATiktokenRankList(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("qwen.tiktoken"), "IQ== 0\nIg== 5\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> QwenTokenizer.load(bad));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("rank 1 was due"), e.getMessage());
    }

    private static int indexOf(long[] ids, long id) {
        return IntStream.range(0, ids.length).filter(i -> ids[i] == id).findFirst().orElseThrow();
    }

    private static int[] ints(long[] values) {
        return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
    }
}
