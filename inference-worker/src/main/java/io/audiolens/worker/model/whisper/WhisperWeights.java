package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.EncoderLayerWeights;
import io.audiolens.worker.model.common.WeightSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code WhisperForConditionalGeneration} under HF's names ({@code model.encoder.…}, {@code model.decoder.…});
 * {@code proj_out} is tied to the decoder's token embedding. M mel bins, A width, V vocabulary.
 */
record WhisperWeights(
        NDArray conv1, NDArray conv1Bias,               // (A, M, 3), (A)
        NDArray conv2, NDArray conv2Bias,               // (A, A, 3), (A)
        NDArray sourcePositions,                        // (1500, A), stored sinusoids
        List<EncoderLayerWeights> encoderLayers,
        NDArray encoderNormWeight, NDArray encoderNormBias,
        NDArray tokens,                                 // (V, A): embedding and output projection
        NDArray targetPositions,                        // (448, A), learned
        List<DecoderLayerWeights> decoderLayers,
        NDArray decoderNormWeight, NDArray decoderNormBias) {

    static WhisperWeights load(WeightSource source, WhisperConfig c) {
        long a = c.width();
        List<EncoderLayerWeights> encoder = new ArrayList<>();
        for (int i = 0; i < c.encoderLayers(); i++) {
            encoder.add(EncoderLayerWeights.loadHf(source, "model.encoder.layers." + i + ".", a, c.encoderFfnWidth()));
        }
        List<DecoderLayerWeights> decoder = new ArrayList<>();
        for (int i = 0; i < c.decoderLayers(); i++) {
            decoder.add(DecoderLayerWeights.load(source, "model.decoder.layers." + i + ".", a, c.decoderFfnWidth()));
        }
        return new WhisperWeights(
                source.load("model.encoder.conv1.weight", a, c.melBins(), 3), source.load("model.encoder.conv1.bias", a),
                source.load("model.encoder.conv2.weight", a, a, 3), source.load("model.encoder.conv2.bias", a),
                source.load("model.encoder.embed_positions.weight", c.sourcePositions(), a),
                List.copyOf(encoder),
                source.load("model.encoder.layer_norm.weight", a), source.load("model.encoder.layer_norm.bias", a),
                source.load("model.decoder.embed_tokens.weight", c.vocabSize(), a),
                source.load("model.decoder.embed_positions.weight", c.targetPositions(), a),
                List.copyOf(decoder),
                source.load("model.decoder.layer_norm.weight", a), source.load("model.decoder.layer_norm.bias", a));
    }
}
