package io.audiolens.worker.model.api;

import java.io.IOException;
import java.nio.file.Path;

/** What a family that can make random-weight models of a given size offers the benchmarks. */
public interface RandomModels {

    /** Writes a checkpoint folder of this family with random weights of the given shape, as users' folders look. */
    void writeRandom(Path folder, ModelShape shape, long seed) throws IOException;

    /**
     * Multiply-adds ×2 of one forward pass of a model {@link #writeRandom} makes for {@code shape}: the
     * audio side on a clip of {@code samples} samples and the decoder on {@code promptTokens} positions.
     */
    double forwardFlops(ModelShape shape, int samples, int promptTokens);
}
