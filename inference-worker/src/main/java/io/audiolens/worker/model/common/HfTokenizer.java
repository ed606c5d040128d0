package io.audiolens.worker.model.common;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.model.api.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A checkpoint's {@code tokenizer.json} through HF tokenizers: no truncation, no added special tokens. */
public final class HfTokenizer implements TextTokenizer, AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final Path source;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, Path source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    public static HfTokenizer load(Path tokenizerJson) {
        try {
            Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
            return new HfTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), tokenizerJson);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    @Override
    public String decode(long id) {
        return tokenizer.decode(new long[] {id}, false);
    }

    /**
     * Ids of {@code text} (with the special tokens the post-processor adds, Llama-3's BOS, if asked) and, per
     * id, the Java {@code String} indices {@code [start, end)} of {@code text} it came from. The tokenizer
     * counts code points; they are turned into UTF-16 indices here, so characters outside the Basic
     * Multilingual Plane (emoji) do not shift the spans.
     */
    public Tokens tokensWithSpans(String text, boolean addSpecialTokens) {
        Encoding encoding = tokenizer.encode(text, addSpecialTokens, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[][] ranges = new int[spans.length][];
        for (int i = 0; i < spans.length; i++) {
            ranges[i] = spans[i] == null ? new int[] {-1, -1}
                    : new int[] {text.offsetByCodePoints(0, spans[i].getStart()), text.offsetByCodePoints(0, spans[i].getEnd())};
        }
        return new Tokens(encoding.getIds(), ranges);
    }

    /** Token ids with the {@code String} range each came from ({@code {-1, -1}} for tokens added around the text). */
    public record Tokens(long[] ids, int[][] spans) {}

    /**
     * The text of {@code ids} as the tokenizer's decoder writes it, optionally without special tokens, then
     * with transformers' {@code clean_up_tokenization} when {@code cleanUp} (a tokenizer_config.json setting).
     */
    public String decode(long[] ids, boolean skipSpecialTokens, boolean cleanUp) {
        String text = tokenizer.decode(ids, skipSpecialTokens);
        return cleanUp ? cleanUpSpaces(text) : text;
    }

    /** transformers' {@code PreTrainedTokenizerBase.clean_up_tokenization}. */
    static String cleanUpSpaces(String text) {
        return text.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s").replace(" 've", "'ve")
                .replace(" 're", "'re");
    }

    @Override
    public String source() {
        return source.toString();
    }

    /** The id of a token that must encode to exactly one id, such as {@code <|AUDIO|>}. */
    public long singleTokenId(String token) {
        long[] ids = encode(token);
        if (ids.length != 1) {
            throw new CheckpointException("tokenizer " + source + " splits '" + token + "' into " + ids.length
                    + " tokens; the model's tokenizer has it as one special token");
        }
        return ids[0];
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
