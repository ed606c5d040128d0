package io.audiolens.worker.model.qwen2audio;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;
/** Qwen2-Audio's ChatML prompt with one audio clip; the text ends in the assistant prefix ("... is"). */
public final class Qwen2AudioChatTemplate {
    public static final String AUDIO_TOKEN = "<|AUDIO|>";

    private Qwen2AudioChatTemplate() {}

    /** The prompt with a single {@code <|AUDIO|>} placeholder, to be expanded to the clip's token count. */
    public static String render(Attribute attribute, PromptFormat format) {
        return "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nAudio 1: <|audio_bos|>" + AUDIO_TOKEN + "<|audio_eos|>\n"
                + format.userQuestion(attribute) + "<|im_end|>\n"
                + "<|im_start|>assistant\n" + attribute.assistantPrefix();
    }
}
