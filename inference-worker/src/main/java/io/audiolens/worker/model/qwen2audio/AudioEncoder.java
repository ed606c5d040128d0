package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.model.common.EncoderLayerWeights;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;

/**
 * Qwen2-Audio's Whisper-style encoder and projector: conv/GELU stem, learned positions, pre-LN layers,
 * average pool ×2, LayerNorm, linear projector.
 *
 * <p>HF runs all 1500 positions and masks the padded keys; a valid position therefore never sees padding
 * and its output depends only on mel frames {@code 0..2n} ({@code n} valid positions). We run just those
 * frames: the same numbers, up to 30/clip-length times cheaper. M mel bins, A encoder width, D decoder
 * width, N valid encoder positions, P audio tokens.
 */
final class AudioEncoder {
    private final AudioEncoderConfig config;
    private final EncoderWeights weights;

    AudioEncoder(AudioEncoderConfig config, EncoderWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /**
     * @param features (M, 3000) log-mel of the padded 30 s window, or its first {@code encoderInputFrames} columns
     * @param frames   real (unpadded) mel frames
     * @return (P, D) audio embeddings for the {@code <|AUDIO|>} positions
     */
    NDArray encode(NDArray features, int frames) {
        int positions = Qwen2AudioConfig.encoderPositions(frames);
        long used = Math.min(features.getShape().get(1), Qwen2AudioConfig.encoderInputFrames(frames));
        NDArray x = features.get(new NDIndex(":, :{}", used)).transpose(); // (2N+1, M)
        // conv stem
        x = WhisperEncoderBlocks.stem(x, weights.conv1(), weights.conv1Bias(), weights.conv2(), weights.conv2Bias());
        x = x.get(new NDIndex(":{}", positions)); // (N, A)
        // learned positions
        x = x.add(weights.positions().get(x.getManager(), new NDIndex(":{}", positions)));
        for (EncoderLayerWeights layer : weights.layers()) {
            x = WhisperEncoderBlocks.layer(x, layer, config.heads());
        }
        // average pool ×2 over positions, then LayerNorm
        x = WhisperEncoderBlocks.layerNorm(WhisperEncoderBlocks.averagePoolPairs(x), weights.normWeight(),
                weights.normBias()); // (P, A)
        // projector into the decoder's width
        return Linear.linear(x, weights.projector(), weights.projectorBias()).head(); // (P, D)
    }
}
