package io.audiolens.worker.model.qwen2audio;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import io.audiolens.worker.checkpoint.Checkpoint;

/**
 * A loaded Qwen2-Audio checkpoint: config and weights, loaded once by name; every call works in its own
 * child manager ({@link #newCallManager()}) so that nothing but the weights outlives a clip. T prompt
 * tokens, D decoder width, V vocabulary, M mel bins.
 */
public final class Qwen2AudioModel implements AutoCloseable {
    private final NDManager manager;
    private final Qwen2AudioConfig config;
    private final DataType computeType;
    private final AudioEncoder encoder;
    private final DecoderWeights decoderWeights;
    private final Qwen2Decoder decoder;

    private Qwen2AudioModel(NDManager manager, Qwen2AudioConfig config, DataType computeType, EncoderWeights encoder,
            DecoderWeights decoder) {
        this.manager = manager;
        this.config = config;
        this.computeType = computeType;
        this.encoder = new AudioEncoder(config.audio(), encoder);
        this.decoderWeights = decoder;
        this.decoder = new Qwen2Decoder(config.text(), decoder);
    }

    public static Qwen2AudioModel load(Checkpoint checkpoint, Device device, DataType computeType) {
        Qwen2AudioConfig config = Qwen2AudioConfig.fromJson(checkpoint.config());
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            WeightSource source = new CheckpointWeightSource(checkpoint, manager, computeType);
            EncoderWeights encoder = EncoderWeights.load(source, config.audio(), config.text().width());
            DecoderWeights decoder = DecoderWeights.load(source, config.text());
            manager.cap(); // from here on, anything attached to the weights' manager is a leak: fail loudly
            return new Qwen2AudioModel(manager, config, computeType, encoder, decoder);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public Qwen2AudioConfig config() {
        return config;
    }

    public DataType computeType() {
        return computeType;
    }

    public NDManager newCallManager() {
        return manager.newSubManager();
    }

    /** (P, D) audio embeddings from log-mel features (M, 3000) with {@code frames} real frames. */
    public NDArray audioEmbeddings(NDArray features, int frames) {
        if (features.getShape().get(0) != config.audio().melBins()) {
            throw new IllegalArgumentException("features have " + features.getShape().get(0)
                    + " mel bins but the model expects " + config.audio().melBins());
        }
        return encoder.encode(features.toType(computeType, false), frames);
    }

    /**
     * (T, D): token embeddings with the {@code <|AUDIO|>} positions replaced, in order, by the audio rows;
     * attached to {@code m}.
     */
    public NDArray inputEmbeddings(NDManager m, long[] ids, NDArray audio) {
        int audioRows = (int) audio.getShape().get(0);
        int[] rows = new int[ids.length]; // index into [token embeddings ; audio rows]
        int nextAudio = 0;
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] == config.audioTokenId()) {
                rows[t] = ids.length + nextAudio++;
            } else {
                if (ids[t] < 0 || ids[t] >= config.text().vocabSize()) {
                    throw new IllegalArgumentException("token id " + ids[t] + " is outside the vocabulary of "
                            + config.text().vocabSize());
                }
                rows[t] = t;
            }
        }
        if (nextAudio != audioRows) {
            throw new IllegalArgumentException("the prompt has " + nextAudio + " audio tokens but the encoder produced "
                    + audioRows + " audio embeddings");
        }
        NDArray tokens = decoderWeights.embedTokens().get(m, new NDIndex("{}", m.create(ids))); // (T, D)
        NDArray both = tokens.concat(audio, 0);                            // (T + P, D)
        return both.get(new NDIndex("{}", m.create(rows)));
    }

    public Qwen2Decoder decoder() {
        return decoder;
    }

    /** The model's final RMSNorm, applied to any residual rows (..., D). */
    public NDArray finalNorm(NDArray residual) {
        return RmsNorm.apply(residual, decoderWeights.finalNorm(), config.text().rmsNormEps());
    }

    /** W_U (V, D): the LM head, or the embedding matrix when tied. */
    public NDArray unembedding() {
        return decoderWeights.unembed();
    }

    /** Full-vocabulary logits (R, V) for residual rows (R, D): {@code W_U · norm_final(h)}. */
    public NDArray logits(NDArray residual) {
        return Linear.linear(finalNorm(residual), decoderWeights.unembed()).head();
    }

    @Override
    public void close() {
        manager.close();
    }
}
