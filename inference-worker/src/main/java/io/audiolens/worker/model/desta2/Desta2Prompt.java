package io.audiolens.worker.model.desta2;

import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The prompt exactly as AudioLens's DeSTA2 code builds it ({@code process_text(remove_last_eot=True)}),
 * quirks included:
 * <ol>
 *   <li>messages: the audio (its file name as content), the user's question (none for P1), the assistant
 *       turn pre-filled with the prefix; no system message;</li>
 *   <li>Llama-3's chat template, tokenized; the last id (the assistant turn's {@code <|eot_id|>}) dropped
 *       and the rest decoded back to text, with the tokenizer's clean-up of spaces;</li>
 *   <li>the text split at the file name and the transcript put in its place;</li>
 *   <li>{@code audio_position} = the number of tokens of the text before the transcript, counted without
 *       a BOS although that text starts with the {@code <|begin_of_text|>} of the template;</li>
 *   <li>the whole text tokenized again with the tokenizer's BOS, so it starts with two BOS, and the audio
 *       vectors go before the token at {@code audio_position}: after the audio header, before its
 *       {@code \n\n}, not after it.</li>
 * </ol>
 * The audio-masked view hides the audio vectors and the transcript's tokens (for DeSTA2 the paper counts
 * the transcript as audio).
 */
final class Desta2Prompt {
    /** Meta-Llama-3-8B-Instruct's {@code chat_template}, which {@link #chatText} renders. */
    static final String LLAMA3_TEMPLATE = "{% set loop_messages = messages %}{% for message in loop_messages %}"
            + "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] "
            + "| trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}"
            + "{{ content }}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";

    /** What stands for the audio in the messages: only the split at it matters; it is never tokenized. */
    static final String AUDIO_PLACEHOLDER = "audio.wav";

    private final HfTokenizer tokenizer;
    private final String bos;
    private final boolean cleanUpSpaces;

    Desta2Prompt(HfTokenizer tokenizer, String bos, boolean cleanUpSpaces) {
        this.tokenizer = tokenizer;
        this.bos = bos;
        this.cleanUpSpaces = cleanUpSpaces;
    }

    /**
     * The prompt of a Llama whose {@code tokenizer_config.json} has Llama-3-Instruct's chat template (the
     * only one rendered here: a different template is refused rather than rendered wrong), its BOS and its
     * clean-up setting.
     */
    static Desta2Prompt of(HfTokenizer tokenizer, JsonNode tokenizerConfig) {
        String template = tokenizerConfig.path("chat_template").asText("");
        if (!template.equals(LLAMA3_TEMPLATE)) {
            throw new IllegalArgumentException("the Llama's tokenizer_config.json has a chat template other than "
                    + "Meta-Llama-3-8B-Instruct's, the one DeSTA2 was trained with and the only one this runtime "
                    + "renders; use the Llama folder of DeSTA2's llama_model_id");
        }
        JsonNode bos = tokenizerConfig.path("bos_token");
        return new Desta2Prompt(tokenizer, bos.isObject() ? bos.path("content").asText() : bos.asText(),
                tokenizerConfig.path("clean_up_tokenization_spaces").asBoolean(false));
    }

    /**
     * @param ids              the prompt's token ids (two BOS first)
     * @param audioPosition    the index in {@code ids} before which the audio vectors go
     * @param transcriptTokens the indices in {@code ids} of the transcript's tokens
     */
    record Tokens(long[] ids, int audioPosition, int[] transcriptTokens) {}

    /** One chat message. */
    private record Message(String role, String content) {}

    /** Llama-3's chat template over the messages: BOS, then per message its header, content (trimmed) and eot. */
    String chatText(Attribute attribute, PromptFormat format) {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("audio", AUDIO_PLACEHOLDER));
        if (format != PromptFormat.P1) {
            messages.add(new Message("user", format.userQuestion(attribute)));
        }
        messages.add(new Message("assistant", attribute.assistantPrefix()));
        StringBuilder text = new StringBuilder(bos);
        for (Message message : messages) {
            text.append("<|start_header_id|>").append(message.role()).append("<|end_header_id|>\n\n")
                    .append(message.content().strip()).append("<|eot_id|>");
        }
        return text.toString();
    }

    Tokens tokens(Attribute attribute, PromptFormat format, String transcript) {
        long[] chat = tokenizer.encode(chatText(attribute, format));
        String context = tokenizer.decode(Arrays.copyOf(chat, chat.length - 1), false, cleanUpSpaces);
        int at = context.indexOf(AUDIO_PLACEHOLDER);
        if (at < 0 || context.indexOf(AUDIO_PLACEHOLDER, at + 1) >= 0) {
            throw new IllegalStateException("the decoded chat text holds the audio placeholder " + (at < 0 ? "no" : "more than one")
                    + " time: " + context);
        }
        String left = context.substring(0, at);
        String text = left + transcript + context.substring(at + AUDIO_PLACEHOLDER.length());
        int audioPosition = tokenizer.encode(left).length;
        HfTokenizer.Tokens tokens = tokenizer.tokensWithSpans(text, true);
        int from = left.length();
        int to = from + transcript.length();
        int[] transcriptTokens = IntStream.range(0, tokens.ids().length)
                .filter(i -> tokens.spans()[i][0] < to && tokens.spans()[i][1] > from).toArray();
        return new Tokens(tokens.ids(), audioPosition, transcriptTokens);
    }
}
