package io.audiolens.worker.model.common;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
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
