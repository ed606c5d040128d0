package io.audiolens.worker.model.llama;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.model.common.CheckpointWeightSource;
import io.audiolens.worker.model.common.DecoderConfig;
import io.audiolens.worker.model.common.DecoderLayerWeights;
import io.audiolens.worker.model.common.DecoderStackWeights;
import io.audiolens.worker.model.common.FinalNormLensHead;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.model.common.TransformerDecoder;
import io.audiolens.worker.model.common.WeightSource;
import java.nio.file.Path;

/**
 * A Llama-3 decoder loaded from an HF folder ({@code config.json}, safetensors, {@code tokenizer.json}):
 * the language model an audio family composes (DeSTA2 puts its audio vectors among the token embeddings).
 * Grouped-query attention caches one key/value per KV head. T tokens, D width.
 */
public final class LlamaModel implements AutoCloseable {
    private final NDManager manager;
    private final DecoderConfig config;
    private final DecoderStackWeights weights;
    private final TransformerDecoder decoder;
    private final FinalNormLensHead lensHead;
    private final HfTokenizer tokenizer;

    private LlamaModel(NDManager manager, DecoderConfig config, DecoderStackWeights weights, HfTokenizer tokenizer) {
        this.manager = manager;
        this.config = config;
        this.weights = weights;
        this.decoder = new TransformerDecoder(config, weights.layers());
        this.lensHead = new FinalNormLensHead(weights.finalNorm(), config.rmsNormEps(), weights.unembed());
        this.tokenizer = tokenizer;
    }

    public static LlamaModel load(Path folder, Device device, DataType computeType) {
        Checkpoint checkpoint = Checkpoint.open(folder);
        DecoderConfig config = LlamaConfig.fromJson(checkpoint.config());
        HfTokenizer tokenizer = HfTokenizer.load(checkpoint.file("tokenizer.json"));
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            DecoderStackWeights weights = weights(new CheckpointWeightSource(checkpoint, manager, computeType), config);
            LlamaModel model = new LlamaModel(manager, config, weights, tokenizer);
            manager.cap(); // from here on, anything attached to the weights' manager is a leak: fail loudly
            return model;
        } catch (RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    /**
     * A {@code LlamaForCausalLM} under HF's names: {@code model.embed_tokens}, {@code model.layers.{i}.…}
     * (no q/k/v bias), {@code model.norm}, {@code lm_head} (or the embedding when tied).
     */
    private static DecoderStackWeights weights(WeightSource source, DecoderConfig c) {
        return DecoderStackWeights.load(source, c,
                new DecoderStackWeights.Names("model.embed_tokens.weight", "model.norm.weight", "lm_head.weight"),
                i -> DecoderLayerWeights.loadHf(source, "model.layers." + i + ".", c, false));
    }

    public DecoderConfig config() {
        return config;
    }

    public DataType computeType() {
        return weights.embedTokens().getDataType();
    }

    public NDManager newCallManager() {
        return manager.newSubManager();
    }

    /** (T, D) token embeddings of {@code ids}, attached to {@code scope}. */
    public NDArray embed(NDManager scope, long[] ids) {
        for (long id : ids) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + config.vocabSize());
            }
        }
        return weights.embedTokens().get(scope, new NDIndex("{}", scope.create(ids)));
    }

    public TransformerDecoder decoder() {
        return decoder;
    }

    public FinalNormLensHead lensHead() {
        return lensHead;
    }

    public HfTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
    }
}
