package io.audiolens.worker.model.whisper;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * Whisper's encoder as HF runs it inside {@code generate}: all 3000 mel frames (the 30 s window, padding
 * included, no mask), the conv stem, the stored positions, the pre-LN layers and the final LayerNorm.
 * M mel bins, A width, N = 1500 positions.
 */
final class WhisperEncoder {
    private final WhisperConfig config;
    private final WhisperWeights weights;

    WhisperEncoder(WhisperConfig config, WhisperWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /**
     * HF's {@code encoder_hidden_states}: [0] the stem's output plus positions, [k] the output of layer k for
     * k &lt; L, [L] the final LayerNorm of layer L's output (the encoder's output). Each (N, A).
     *
     * @param features (M, 3000)
     */
    List<NDArray> hiddenStates(NDArray features) {
        NDArray x = WhisperEncoderBlocks.stem(features.transpose(), weights.conv1(), weights.conv1Bias(),
                weights.conv2(), weights.conv2Bias());                               // (N, A)
        x = x.add(weights.sourcePositions().get(x.getManager(), new NDIndex(":{}", x.getShape().get(0))));
        List<NDArray> states = new ArrayList<>();
        for (int l = 0; l < weights.encoderLayers().size(); l++) {
            states.add(x);
            x = WhisperEncoderBlocks.layer(x, weights.encoderLayers().get(l), config.encoderHeads());
        }
        states.add(WhisperEncoderBlocks.layerNorm(x, weights.encoderNormWeight(), weights.encoderNormBias()));
        return states;
    }
}
