package io.audiolens.worker.prompt;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.audiolens.worker.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint's {@code tokenizer.json} (no truncation, no added special tokens): prompt ids with the
 * audio placeholder expanded, and label first-tokens with the collision check of AudioLens.
 */
public final class PromptTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final Path source;

    private PromptTokenizer(HuggingFaceTokenizer tokenizer, Path source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    public static PromptTokenizer load(Path tokenizerJson) {
        try {
            Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
            return new PromptTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options), tokenizerJson);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** The id of a token that must encode to exactly one id, such as {@code <|AUDIO|>}. */
    public long singleTokenId(String token) {
        long[] ids = encode(token);
        if (ids.length != 1) {
            throw new CheckpointException("tokenizer " + source + " splits '" + token + "' into " + ids.length
                    + " tokens; a Qwen2-Audio tokenizer has it as one special token");
        }
        return ids[0];
    }

    /** Encodes a rendered prompt and repeats its single audio placeholder id {@code audioTokens} times. */
    public long[] encodePrompt(String prompt, long audioTokenId, int audioTokens) {
        long[] ids = encode(prompt);
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

    /**
     * Each label's first token. Two labels with the same first token cannot be told apart by the lens, so
     * the attribute is refused for this tokenizer.
     */
    public int[] labelTokenIds(List<String> labels, LabelTokenMode mode) {
        int[] ids = new int[labels.size()];
        Map<Long, String> owner = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String text = mode.textOf(labels.get(i));
            long[] tokens = encode(text);
            if (tokens.length == 0) {
                throw new IllegalArgumentException("label '" + labels.get(i) + "' encodes to no token");
            }
            String earlier = owner.putIfAbsent(tokens[0], labels.get(i));
            if (earlier != null) {
                String token = tokenizer.decode(new long[] {tokens[0]}, false);
                throw new IllegalArgumentException("labels \"" + earlier + "\" and \"" + labels.get(i)
                        + "\" share their first token \"" + token + "\" (id " + tokens[0] + ") in tokenizer " + source
                        + " with label-token mode " + mode.cliName() + "; try the other --label-token mode or rename a label");
            }
            ids[i] = Math.toIntExact(tokens[0]);
        }
        return ids;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
