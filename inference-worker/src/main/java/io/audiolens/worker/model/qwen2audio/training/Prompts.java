package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioPrompts;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.LabelTokens;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.HashMap;
import java.util.Map;

/** The AudioLens prompts and label first-tokens in the ids of the model's tokenizer, as the lens will read them. */
final class Prompts {
    private final Qwen2AudioPrompts prompts;
    private final Map<Attribute, int[]> labelTokens = new HashMap<>();

    Prompts(Qwen2AudioPrompts prompts) {
        this.prompts = prompts;
    }

    /** (T) ids of the prompt with its audio placeholder expanded to {@code audioTokens}. */
    long[] ids(Attribute attribute, PromptFormat format, int audioTokens) {
        return prompts.ids(attribute, format, audioTokens);
    }

    /** (Y) each label's first token, in label order; the runtime's default label-token mode. */
    int[] labelTokens(Attribute attribute) {
        return labelTokens.computeIfAbsent(attribute,
                a -> LabelTokens.firstTokens(prompts.tokenizer(), a.labels(), LabelTokenMode.LEADING_SPACE));
    }

    int labelToken(Attribute attribute, String label) {
        return labelTokens(attribute)[attribute.indexOf(label)];
    }
}
