package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.EncoderLayerWeights;
import io.audiolens.worker.model.common.WeightSource;
import java.util.ArrayList;
import java.util.List;

/** The audio tower and the projector into the decoder's width. M mel bins, A encoder width, D decoder width. */
record EncoderWeights(
        NDArray conv1, NDArray conv1Bias,           // (A, M, 3), (A)
        NDArray conv2, NDArray conv2Bias,           // (A, A, 3), (A)
        NDArray positions,                          // (1500, A) learned position table
        List<EncoderLayerWeights> layers,
        NDArray normWeight, NDArray normBias,       // (A) after the average pool
        NDArray projector, NDArray projectorBias) { // (D, A), (D)

    static final String TOWER = "audio_tower.";
    static final String PROJECTOR = "multi_modal_projector.";
    /** Whisper's position table: fixed, never trained. */
    static final String POSITIONS = TOWER + "embed_positions.weight";

    static EncoderWeights load(WeightSource source, AudioEncoderConfig c, int decoderWidth) {
        long a = c.width();
        List<EncoderLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < c.layers(); i++) {
            layers.add(EncoderLayerWeights.loadHf(source, TOWER + "layers." + i + ".", a, c.ffnWidth()));
        }
        return new EncoderWeights(
                source.load(TOWER + "conv1.weight", a, c.melBins(), 3),
                source.load(TOWER + "conv1.bias", a),
                source.load(TOWER + "conv2.weight", a, a, 3),
                source.load(TOWER + "conv2.bias", a),
                source.load(POSITIONS, c.maxSourcePositions(), a),
                List.copyOf(layers),
                source.load(TOWER + "layer_norm.weight", a),
                source.load(TOWER + "layer_norm.bias", a),
                source.load(PROJECTOR + "linear.weight", decoderWidth, a),
                source.load(PROJECTOR + "linear.bias", decoderWidth));
    }
}
