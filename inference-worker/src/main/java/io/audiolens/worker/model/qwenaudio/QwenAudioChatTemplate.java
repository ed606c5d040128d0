package io.audiolens.worker.model.qwenaudio;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;

/**
 * Qwen-Audio-Chat's prompt as its own code builds it: {@code make_context}'s ChatML with the default
 * system prompt, the query from {@code from_list_format([{audio}, {text}])} ("Audio 1:" then the audio
 * in {@code <audio>…</audio>}, a newline, the question), and the assistant turn pre-filled with the
 * AudioLens prefix. Between the audio tags the original has the file name, whose tokens it replaces by
 * the audio pads; the pads are inserted there.
 */
final class QwenAudioChatTemplate {
    private QwenAudioChatTemplate() {}

    /** The text before the audio pads, ending in {@code <audio>}. */
    static String beforeAudio() {
        return "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nAudio 1:"
                + QwenSpecialTokens.AUDIO_START;
    }

    /** The text after the audio pads, starting with {@code </audio>} and ending in the assistant prefix. */
    static String afterAudio(Attribute attribute, PromptFormat format) {
        return QwenSpecialTokens.AUDIO_END + "\n" + format.userQuestion(attribute) + "<|im_end|>\n"
                + "<|im_start|>assistant\n" + attribute.assistantPrefix();
    }

    /** The whole prompt with the file name {@code audio} between the tags, as the original's text holds it. */
    static String render(Attribute attribute, PromptFormat format, String audio) {
        return beforeAudio() + audio + afterAudio(attribute, format);
    }
}
