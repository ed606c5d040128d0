package io.audiolens.worker.model.qwen2audio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an HF {@code tokenizer.json} for models this project builds itself (benchmarks, the tiny
 * trained model): Qwen2-Audio's special tokens, then one token per word of every AudioLens prompt and
 * label, split as HF's {@code Whitespace} pre-tokenizer splits ({@code \w+|[^\w\s]+}).
 */
public final class WordLevelTokenizer {
    public static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>",
            "<|audio_bos|>", Qwen2AudioChatTemplate.AUDIO_TOKEN, "<|audio_eos|>");
    public static final String UNKNOWN = "<|unk|>";
    private static final Pattern WORD = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

    private WordLevelTokenizer() {}

    /** Every word of every prompt format of every attribute, and every label, in first-seen order. */
    public static Set<String> promptVocabulary() {
        Set<String> words = new LinkedHashSet<>();
        for (Attribute attribute : Attribute.all()) {
            for (PromptFormat format : PromptFormat.values()) {
                String text = Qwen2AudioChatTemplate.render(attribute, format);
                for (String special : SPECIAL_TOKENS) {
                    text = text.replace(special, " ");
                }
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    words.add(m.group());
                }
            }
            words.addAll(attribute.labels());
        }
        return words;
    }

    /** The tokenizer.json text: specials first (ids 0..5), the unknown token, then {@code words}. */
    public static String json(Set<String> words) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        ObjectNode vocab = json.createObjectNode();
        int id = 0;
        for (String special : SPECIAL_TOKENS) {
            added.addObject().put("id", id).put("content", special).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
            vocab.put(special, id++);
        }
        vocab.put(UNKNOWN, id++);
        for (String word : words) {
            if (!vocab.has(word)) {
                vocab.put(word, id++);
            }
        }
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        model.set("vocab", vocab);
        model.put("unk_token", UNKNOWN);
        return root.toPrettyString();
    }

    /** The number of ids {@link #json} assigns for {@code words}. */
    public static int vocabularySize(Set<String> words) {
        Set<String> all = new LinkedHashSet<>(SPECIAL_TOKENS);
        all.add(UNKNOWN);
        all.addAll(words);
        return all.size();
    }
}
