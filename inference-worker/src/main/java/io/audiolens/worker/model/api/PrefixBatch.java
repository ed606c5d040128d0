package io.audiolens.worker.model.api;

/**
 * The prefixes of several prompts after one padded pass ({@link Decoder#prefill(java.util.List)}): each
 * prompt's cache, as its own {@link Decoder#prefill(ai.djl.ndarray.NDArray)} would leave it.
 */
public interface PrefixBatch {

    /** B, the prompts in the batch. */
    int size();

    /** Prompt {@code index}'s prefix: its length P and its penultimate residuals. */
    PrefixCache prompt(int index);
}
