package io.audiolens.worker.model.desta2;

import ai.djl.ndarray.NDArray;
import io.audiolens.worker.model.common.WeightSource;
import java.util.ArrayList;
import java.util.List;

/**
 * DeSTA2's {@code QformerConnector} state dict. P prompt size (queries), N taps, A Whisper width, D Llama width.
 */
record ConnectorWeights(
        NDArray layerWeights,                // (P, N): per query, the softmax weights of the taps
        List<NDArray> layerPrompts,          // N × (1, P, A): the learned queries of each tap
        List<QFormerLayerWeights> qformer,   // 2 BERT layers, shared by every tap
        NDArray projNormWeight, NDArray projNormBias, // (A) proj.0
        NDArray proj, NDArray projBias) {            // (D, A), (D) proj.1

    static final int QFORMER_LAYERS = 2;
    static final int BERT_INTERMEDIATE = 3072;

    static ConnectorWeights load(WeightSource source, int promptSize, int taps, long whisperWidth, long llamaWidth) {
        List<NDArray> prompts = new ArrayList<>();
        for (int t = 0; t < taps; t++) {
            prompts.add(source.load("layer_prompts." + t, 1, promptSize, whisperWidth));
        }
        List<QFormerLayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < QFORMER_LAYERS; i++) {
            layers.add(QFormerLayerWeights.load(source, "qformer.layer." + i + ".", whisperWidth, BERT_INTERMEDIATE));
        }
        return new ConnectorWeights(source.load("layer_weights", promptSize, taps), List.copyOf(prompts),
                List.copyOf(layers), source.load("proj.0.weight", whisperWidth), source.load("proj.0.bias", whisperWidth),
                source.load("proj.1.weight", llamaWidth, whisperWidth), source.load("proj.1.bias", llamaWidth));
    }
}
