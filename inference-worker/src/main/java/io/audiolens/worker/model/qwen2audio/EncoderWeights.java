package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
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

    static EncoderWeights load(WeightSource source, AudioEncoderConfig c, int decoderWidth) {
        long a = c.width();
        List<EncoderLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < c.layers(); i++) {
            layers.add(EncoderLayerWeights.load(source, "audio_tower.layers." + i + ".", c));
        }
        return new EncoderWeights(
                source.load("audio_tower.conv1.weight", a, c.melBins(), 3),
                source.load("audio_tower.conv1.bias", a),
                source.load("audio_tower.conv2.weight", a, a, 3),
                source.load("audio_tower.conv2.bias", a),
                source.load("audio_tower.embed_positions.weight", c.maxSourcePositions(), a),
                List.copyOf(layers),
                source.load("audio_tower.layer_norm.weight", a),
                source.load("audio_tower.layer_norm.bias", a),
                source.load("multi_modal_projector.linear.weight", decoderWidth, a),
                source.load("multi_modal_projector.linear.bias", decoderWidth));
    }
}
