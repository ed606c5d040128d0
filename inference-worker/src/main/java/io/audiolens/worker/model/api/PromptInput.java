package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDArray;

/**
 * A prompt ready for the decoder. T positions, D width.
 *
 * @param ids            the prompt's token ids as its tokenizer made them: with the family's placeholder id at
 *                       the audio positions (Qwen2-Audio, Qwen-Audio), or without the audio vectors a family
 *                       splices in between them (DeSTA2: T = ids + audio vectors)
 * @param embeddings     (T, D) input of decoder layer 1, the audio vectors in place
 * @param audioPositions the positions the audio-masked view hides from the last token, ascending
 */
public record PromptInput(long[] ids, NDArray embeddings, int[] audioPositions) {

    /** T */
    public int length() {
        return Math.toIntExact(embeddings.getShape().get(0));
    }
}
