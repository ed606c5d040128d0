package io.audiolens.worker.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PromptTest {
    private static PromptTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = PromptTokenizer.load(TinyReference.FOLDER.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void shouldRenderP1WithAnEmptyQuestionAndP2WithoutOptions() {
        assertEquals("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n"
                + "Audio 1: <|audio_bos|><|AUDIO|><|audio_eos|>\n<|im_end|>\n<|im_start|>assistant\n"
                + "The speaker's gender is", Qwen2AudioChatTemplate.render(Attribute.GENDER, PromptFormat.P1));
        assertTrue(Qwen2AudioChatTemplate.render(Attribute.LANGUAGE, PromptFormat.P2).contains(
                "<|audio_eos|>\nWhat is the language spoken in the speech?<|im_end|>"));
        assertTrue(Qwen2AudioChatTemplate.render(Attribute.EMOTION, PromptFormat.P3).contains(
                "Possible options: angry, disgust, fear, happy, sad.<|im_end|>"));
    }

    @Test
    void shouldExpandTheAudioPlaceholderToTheClipsTokenCount() {
        long audio = tokenizer.singleTokenId("<|AUDIO|>");
        long[] one = tokenizer.encodePrompt(Qwen2AudioChatTemplate.render(Attribute.GENDER, PromptFormat.P2), audio, 1);
        long[] many = tokenizer.encodePrompt(Qwen2AudioChatTemplate.render(Attribute.GENDER, PromptFormat.P2), audio, 125);
        assertEquals(one.length + 124, many.length);
        assertEquals(125, java.util.Arrays.stream(many).filter(id -> id == audio).count());
    }

    @Test
    void shouldRefuseAnUnknownAttributeNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Attribute.named("colour"));
        assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("animal"), e.getMessage());
    }

    @Test
    void shouldRefuseLabelsThatShareTheirFirstToken() {
        // " dogs" is not in the fixture's vocabulary, so it splits into " dog" + "s"
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tokenizer.labelTokenIds(List.of("cat", "dog", "dogs"), LabelTokenMode.LEADING_SPACE));
        assertTrue(e.getMessage().contains("\"dog\" and \"dogs\"") && e.getMessage().contains("\" dog\""),
                e.getMessage());
    }

    @Test
    void shouldTokenizeLabelsWithoutTheLeadingSpaceOnRequest() {
        int[] spaced = tokenizer.labelTokenIds(List.of("male", "female"), LabelTokenMode.LEADING_SPACE);
        int[] bare = tokenizer.labelTokenIds(List.of("male", "female"), LabelTokenMode.NO_SPACE);
        assertEquals(tokenizer.encode(" male")[0], spaced[0]);
        assertEquals(tokenizer.encode("male")[0], bare[0]);
        assertNotEquals(spaced[0], bare[0]);
    }
}
