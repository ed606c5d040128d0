package io.audiolens.worker.prompt;

import io.audiolens.worker.model.api.TextTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each label's first token, as AudioLens reads a label's probability. Two labels with the same first
 * token cannot be told apart by the lens, so the attribute is refused for that tokenizer.
 */
public final class LabelTokens {
    private LabelTokens() {}

    public static int[] firstTokens(TextTokenizer tokenizer, List<String> labels, LabelTokenMode mode) {
        int[] ids = new int[labels.size()];
        Map<Long, String> owner = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            long[] tokens = tokenizer.encode(mode.textOf(labels.get(i)));
            if (tokens.length == 0) {
                throw new IllegalArgumentException("label '" + labels.get(i) + "' encodes to no token in tokenizer "
                        + tokenizer.source());
            }
            String earlier = owner.putIfAbsent(tokens[0], labels.get(i));
            if (earlier != null) {
                throw new IllegalArgumentException("labels \"" + earlier + "\" and \"" + labels.get(i)
                        + "\" share their first token \"" + tokenizer.decode(tokens[0]) + "\" (id " + tokens[0]
                        + ") in tokenizer " + tokenizer.source() + " with label-token mode " + mode.cliName()
                        + "; try the other --label-token mode or rename a label");
            }
            ids[i] = Math.toIntExact(tokens[0]);
        }
        return ids;
    }
}
