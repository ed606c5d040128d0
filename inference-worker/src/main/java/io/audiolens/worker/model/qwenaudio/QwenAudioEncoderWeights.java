package io.audiolens.worker.model.qwenaudio;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.EncoderLayerWeights;
import io.audiolens.worker.model.common.WeightSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Qwen-Audio's audio encoder ({@code transformer.audio.…}, OpenAI Whisper's names). Its position table is
 * stored (the release keeps Whisper's sinusoids rounded to bf16) and read from the file, not recomputed.
 * M mel bins, A width, O output width (the decoder's).
 */
record QwenAudioEncoderWeights(
        NDArray conv1, NDArray conv1Bias,     // (A, M, 3), (A)
        NDArray conv2, NDArray conv2Bias,     // (A, A, 3), (A)
        NDArray positions,                    // (n_ctx, A)
        List<EncoderLayerWeights> layers,
        NDArray postNormWeight, NDArray postNormBias, // (A) ln_post, after the pool
        NDArray projection, NDArray projectionBias,   // (O, A), (O)
        NDArray bosEos) {                             // (2, O): rows around the audio in the prompt

    static final String PREFIX = "transformer.audio.";

    static QwenAudioEncoderWeights load(WeightSource source, QwenAudioConfig.Audio c) {
        long a = c.width();
        List<EncoderLayerWeights> layers = new ArrayList<>();
        for (int j = 0; j < c.layers(); j++) {
            layers.add(EncoderLayerWeights.loadOpenAi(source, PREFIX + "blocks." + j + ".", a, 4 * a));
        }
        return new QwenAudioEncoderWeights(
                source.load(PREFIX + "conv1.weight", a, c.melBins(), 3),
                source.load(PREFIX + "conv1.bias", a),
                source.load(PREFIX + "conv2.weight", a, a, 3),
                source.load(PREFIX + "conv2.bias", a),
                source.load(PREFIX + "positional_embedding", c.positions(), a),
                List.copyOf(layers),
                source.load(PREFIX + "ln_post.weight", a),
                source.load(PREFIX + "ln_post.bias", a),
                source.load(PREFIX + "proj.weight", c.outputWidth(), a),
                source.load(PREFIX + "proj.bias", c.outputWidth()),
                source.load(PREFIX + "audio_bos_eos_token.weight", 2, c.outputWidth()));
    }
}
