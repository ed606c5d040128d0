package io.audiolens.worker.training;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.prompt.PromptTokenizer;
import io.audiolens.worker.prompt.Qwen2AudioChatTemplate;
import java.util.HashMap;
import java.util.Map;

/** The AudioLens prompts and label first-tokens in the ids of the model's tokenizer, as the lens will read them. */
final class Prompts {
    private final PromptTokenizer tokenizer;
    private final long audioTokenId;
    private final Map<Attribute, int[]> labelTokens = new HashMap<>();

    Prompts(PromptTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.audioTokenId = tokenizer.singleTokenId(Qwen2AudioChatTemplate.AUDIO_TOKEN);
    }

    /** (T) ids of the prompt with its audio placeholder expanded to {@code audioTokens}. */
    long[] ids(Attribute attribute, PromptFormat format, int audioTokens) {
        return tokenizer.encodePrompt(Qwen2AudioChatTemplate.render(attribute, format), audioTokenId, audioTokens);
    }

    /** (Y) each label's first token, in label order; the runtime's default label-token mode. */
    int[] labelTokens(Attribute attribute) {
        return labelTokens.computeIfAbsent(attribute,
                a -> tokenizer.labelTokenIds(a.labels(), LabelTokenMode.LEADING_SPACE));
    }

    int labelToken(Attribute attribute, String label) {
        return labelTokens(attribute)[attribute.indexOf(label)];
    }
}
