package io.audiolens.worker.model.api;

import ai.djl.ndarray.NDManager;
import io.audiolens.worker.features.LogMelFeatures;

/**
 * An audio-language model as the lens reads it, whatever its family: features and an encoder that turn a
 * clip into audio vectors ({@link EncodedClip}), prompts P1–P3 built around them with the positions that
 * carry audio, a decoder that runs a prompt's prefix once and then extends last-token rows
 * ({@link Decoder}), and the lens head: the final norm and the unembedding ({@link LensHead}).
 *
 * <p>Every array a call makes lives in a manager the caller owns ({@link #newCallManager()} or a child of
 * it); only the weights live as long as the model.
 */
public interface AudioLanguageModel extends AutoCloseable {

    /** The family, as {@code ModelFamilies} names it: {@code qwen2-audio}, {@code qwen-audio}, ... */
    String family();

    /** L, the decoder layers the lens reads. */
    int layers();

    NDManager newCallManager();

    /** This model's input features of a 16 kHz waveform in [-1, 1). */
    LogMelFeatures features(float[] waveform);

    /** Runs the audio side once for a clip; the arrays are attached to {@code clip}. */
    EncodedClip encode(NDManager clip, LogMelFeatures features);

    Decoder decoder();

    LensHead lensHead();

    /** The model's text tokenizer: label tokens come from it. */
    TextTokenizer tokenizer();

    @Override
    void close();
}
