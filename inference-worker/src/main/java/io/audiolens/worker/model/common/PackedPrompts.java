package io.audiolens.worker.model.common;

import java.util.Arrays;

/**
 * Prompts packed into one sequence for one decoder pass. Segment {@code s} holds {@code lengths[s]}
 * tokens and continues segment {@code parents[s]} (−1: it starts a prompt); parents come before their
 * children. A segment's tokens take the positions after its ancestors' and attend to all of its
 * ancestors' tokens and, causally, to its own. Prompts about one clip share their start (system text,
 * audio), which thus runs once, and each prompt's rows still equal its own full forward pass.
 */
public record PackedPrompts(int[] lengths, int[] parents) {

    public PackedPrompts {
        if (lengths.length != parents.length) {
            throw new IllegalArgumentException(lengths.length + " segment lengths but " + parents.length + " parents");
        }
        for (int s = 0; s < parents.length; s++) {
            if (parents[s] < -1 || parents[s] >= s || lengths[s] < 1) {
                throw new IllegalArgumentException("segment " + s + " has parent " + parents[s] + " and length "
                        + lengths[s] + "; a parent must be −1 or an earlier segment, and a segment not empty");
            }
        }
        lengths = lengths.clone();
        parents = parents.clone();
    }

    /** A copy: the record's arrays stay as they were checked. */
    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    /** A copy: the record's arrays stay as they were checked. */
    @Override
    public int[] parents() {
        return parents.clone();
    }

    /** Σ lengths */
    public int tokens() {
        return Arrays.stream(lengths).sum();
    }

    /** Index of the first token of segment {@code s} in the packed sequence. */
    public int start(int s) {
        return Arrays.stream(lengths, 0, s).sum();
    }

    /** (ΣT) each token's RoPE position: its index within its own prompt. */
    long[] positions() {
        long[] positions = new long[tokens()];
        for (int s = 0; s < lengths.length; s++) {
            int offset = parents[s] < 0 ? 0 : (int) positions[start(parents[s]) + lengths[parents[s]] - 1] + 1;
            for (int i = 0; i < lengths[s]; i++) {
                positions[start(s) + i] = offset + i;
            }
        }
        return positions;
    }

    /** (ΣT, ΣT) additive mask: 0 where a token may attend, {@code masked} elsewhere. */
    float[] mask(float masked) {
        int t = tokens();
        float[] mask = new float[t * t];
        Arrays.fill(mask, masked);
        for (int s = 0; s < lengths.length; s++) {
            for (int i = start(s); i < start(s) + lengths[s]; i++) {
                for (int a = parents[s]; a >= 0; a = parents[a]) {
                    Arrays.fill(mask, i * t + start(a), i * t + start(a) + lengths[a], 0f);
                }
                Arrays.fill(mask, i * t + start(s), i * t + i + 1, 0f);
            }
        }
        return mask;
    }
}
