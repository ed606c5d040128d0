package io.audiolens.worker.model.qwen2audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.ReferenceFixture;
import io.audiolens.worker.testing.TinyReference;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Qwen2AudioPromptsTest {
    private static HfTokenizer tokenizer;
    private static Qwen2AudioPrompts prompts;

    @BeforeAll
    static void load() {
        tokenizer = HfTokenizer.load(TinyReference.FOLDER.resolve("tokenizer.json"));
        prompts = new Qwen2AudioPrompts(tokenizer);
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
    void shouldTokenizeTheFixturesPromptAsHfDid() {
        assertEquals(TinyReference.json().path("prompt").asText(),
                Qwen2AudioChatTemplate.render(Attribute.ANIMAL, PromptFormat.P3));
        assertArrayEquals(ReferenceFixture.load("qwen2audio-tiny-a").longs("input_ids"),
                prompts.ids(Attribute.ANIMAL, PromptFormat.P3, 50));
    }

    @Test
    void shouldExpandTheAudioPlaceholderToTheClipsTokenCount() {
        long audio = tokenizer.singleTokenId("<|AUDIO|>");
        long[] one = prompts.ids(Attribute.GENDER, PromptFormat.P2, 1);
        long[] many = prompts.ids(Attribute.GENDER, PromptFormat.P2, 125);
        assertEquals(one.length + 124, many.length);
        assertEquals(125, Arrays.stream(many).filter(id -> id == audio).count());
    }
}
