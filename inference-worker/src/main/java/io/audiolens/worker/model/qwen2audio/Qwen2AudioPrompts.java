package io.audiolens.worker.model.qwen2audio;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.Arrays;

/** The AudioLens prompts in Qwen2-Audio's ids: the chat template, tokenized, its audio placeholder expanded. */
public final class Qwen2AudioPrompts {
    private final HfTokenizer tokenizer;
    private final long audioTokenId;

    public Qwen2AudioPrompts(HfTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.audioTokenId = tokenizer.singleTokenId(Qwen2AudioChatTemplate.AUDIO_TOKEN);
    }

    public HfTokenizer tokenizer() {
        return tokenizer;
    }

    public long audioTokenId() {
        return audioTokenId;
    }

    /** (T) ids of the prompt with its one {@code <|AUDIO|>} repeated {@code audioTokens} times. */
    public long[] ids(Attribute attribute, PromptFormat format, int audioTokens) {
        long[] ids = tokenizer.encode(Qwen2AudioChatTemplate.render(attribute, format));
        int at = -1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == audioTokenId) {
                if (at >= 0) {
                    throw new IllegalArgumentException("the prompt holds more than one audio placeholder");
                }
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("the prompt holds no audio placeholder (token id " + audioTokenId + ")");
        }
        long[] expanded = new long[ids.length - 1 + audioTokens];
        System.arraycopy(ids, 0, expanded, 0, at);
        Arrays.fill(expanded, at, at + audioTokens, audioTokenId);
        System.arraycopy(ids, at + 1, expanded, at + audioTokens, ids.length - at - 1);
        return expanded;
    }
}
