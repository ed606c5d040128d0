package io.audiolens.worker.model.qwenaudio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.model.api.UnusableAudioException;
import io.audiolens.worker.model.common.EncoderLayerWeights;
import io.audiolens.worker.model.common.WhisperEncoderBlocks;

/**
 * Qwen-Audio's audio encoder ({@code audio.py}), as the original runs one clip: of the 30 s log-mel it
 * keeps the first 2·N frames, N = {@code (F − 1)/2 + 1} for F = samples / 160 real frames (so one frame
 * past the audio when F is odd), then the conv stem, the stored positions, the pre-LN blocks without a
 * mask, average pooling ×2, {@code ln_post} and the projection; the first P = (N − 2)/2 + 1 rows are the
 * audio, and the learned bos/eos rows go around them. M mel bins, A width, D decoder width.
 */
final class QwenAudioEncoder {
    private final QwenAudioConfig.Audio config;
    private final QwenAudioEncoderWeights weights;

    QwenAudioEncoder(QwenAudioConfig.Audio config, QwenAudioEncoderWeights weights) {
        this.config = config;
        this.weights = weights;
    }

    /** Samples of the shortest clip with one audio row: 3 mel frames. */
    static final int MINIMUM_SAMPLES = 3 * 160;

    /** N, the encoder positions after the stem, for F real mel frames ({@code get_T_after_cnn}; Python's floor). */
    static int positions(int frames) {
        return Math.floorDiv(frames - 1, 2) + 1;
    }

    /** P, the audio rows between the bos and eos rows. */
    static int audioTokens(int frames) {
        return Math.floorDiv(positions(frames) - 2, 2) + 1;
    }

    /**
     * @param features (M, 3000) log-mel of the 30 s window
     * @param frames   F = samples / 160, at least 3
     * @param samples  the clip's samples, for messages
     * @return (P + 2, D): bos, the P audio rows, eos — the rows of the prompt's {@code <audio>…</audio>} span
     */
    NDArray encode(NDArray features, int frames, int samples) {
        if (samples < MINIMUM_SAMPLES) {
            throw new UnusableAudioException("the clip has " + samples + " samples (" + samples / 16 + " ms); "
                    + "Qwen-Audio needs at least " + MINIMUM_SAMPLES + " (30 ms at 16 kHz) for one audio vector");
        }
        int n = positions(frames);
        NDArray x = features.get(new NDIndex(":, :{}", 2 * n)).transpose(); // (2N, M)
        // conv stem
        x = WhisperEncoderBlocks.stem(x, weights.conv1(), weights.conv1Bias(), weights.conv2(), weights.conv2Bias());
        // stored positions
        x = x.add(weights.positions().get(x.getManager(), new NDIndex(":{}", n))); // (N, A)
        for (EncoderLayerWeights block : weights.layers()) {
            x = WhisperEncoderBlocks.layer(x, block, config.heads());
        }
        // average pool ×2, ln_post, projection
        x = WhisperEncoderBlocks.layerNorm(WhisperEncoderBlocks.averagePoolPairs(x), weights.postNormWeight(),
                weights.postNormBias());
        x = Linear.linear(x, weights.projection(), weights.projectionBias()).head()
                .get(new NDIndex(":{}", audioTokens(frames)));                          // (P, D)
        // the learned bos and eos rows around the audio
        NDArray bos = weights.bosEos().get(x.getManager(), new NDIndex("0:1"));
        NDArray eos = weights.bosEos().get(x.getManager(), new NDIndex("1:2"));
        return NDArrays.concat(new NDList(bos, x, eos), 0);
    }
}
