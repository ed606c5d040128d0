package io.audiolens.worker.model.qwen2audio;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.checkpoint.SafetensorsWriter;
import io.audiolens.worker.model.common.CheckpointWeightSource;
import io.audiolens.worker.model.common.DecoderStackWeights;
import io.audiolens.worker.model.common.FinalNormLensHead;
import io.audiolens.worker.model.common.RecordingWeightSource;
import io.audiolens.worker.model.common.TransformerDecoder;
import io.audiolens.worker.model.common.WeightSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A loaded Qwen2-Audio checkpoint: config and weights, loaded once by name; every call works in its own
 * child manager ({@link #newCallManager()}) so that nothing but the weights outlives a clip. A model
 * made here ({@link #initialise}) runs the same code and can be trained and saved as an HF checkpoint.
 * T prompt tokens, D decoder width, V vocabulary, M mel bins.
 */
public final class Qwen2AudioModel implements AutoCloseable {
    private final NDManager manager;
    private final Qwen2AudioConfig config;
    private final DataType computeType;
    private final AudioEncoder encoder;
    private final DecoderStackWeights decoderWeights;
    private final TransformerDecoder decoder;
    private final FinalNormLensHead lensHead;
    private final Map<String, NDArray> weights; // HF name -> tensor, in load order; a tied LM head once, as the embedding

    private Qwen2AudioModel(NDManager manager, Qwen2AudioConfig config, DataType computeType, EncoderWeights encoder,
            DecoderStackWeights decoder, Map<String, NDArray> weights) {
        this.manager = manager;
        this.config = config;
        this.computeType = computeType;
        this.encoder = new AudioEncoder(config.audio(), encoder);
        this.decoderWeights = decoder;
        this.decoder = new TransformerDecoder(config.text(), decoder.layers());
        this.lensHead = new FinalNormLensHead(decoder.finalNorm(), config.text().rmsNormEps(), decoder.unembed());
        this.weights = weights;
    }

    public static Qwen2AudioModel load(Checkpoint checkpoint, Device device, DataType computeType) {
        Qwen2AudioConfig config = Qwen2AudioConfig.fromJson(checkpoint.config());
        Qwen2AudioModel model = build(config, device, computeType,
                manager -> new CheckpointWeightSource(checkpoint, manager, computeType));
        model.manager.cap(); // from here on, anything attached to the weights' manager is a leak: fail loudly
        return model;
    }

    /**
     * A fresh float32 model with HF's initialisation (see {@link RandomWeightSource}), reproducible for a
     * seed. Its manager stays open to gradients and optimiser state, so that it can be trained.
     */
    public static Qwen2AudioModel initialise(Qwen2AudioConfig config, Device device, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        return build(config, device, DataType.FLOAT32, RandomWeightSource::new);
    }

    private static Qwen2AudioModel build(Qwen2AudioConfig config, Device device, DataType computeType,
            Function<NDManager, WeightSource> sourceFor) {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            RecordingWeightSource source = new RecordingWeightSource(sourceFor.apply(manager));
            EncoderWeights encoder = EncoderWeights.load(source, config.audio(), config.text().width());
            DecoderStackWeights decoder = DecoderWeights.load(source, config.text());
            return new Qwen2AudioModel(manager, config, computeType, encoder, decoder, source.loaded());
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

    /**
     * (P, D) audio embeddings from log-mel features (M, 3000) of the padded 30 s window, or their first
     * {@link Qwen2AudioConfig#encoderInputFrames} columns, with {@code frames} real frames.
     */
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

    public TransformerDecoder decoder() {
        return decoder;
    }

    public FinalNormLensHead lensHead() {
        return lensHead;
    }

    /** Full-vocabulary logits (R, V) for residual rows (R, D): {@code W_U · norm_final(h)}. */
    public NDArray logits(NDArray residual) {
        return lensHead.logits(residual);
    }

    /**
     * The weights HF trains: all but the encoder's position table, which Whisper and Qwen2-Audio keep
     * fixed ({@code requires_grad=False}).
     */
    public Map<String, NDArray> trainableWeights() {
        Map<String, NDArray> trainable = new LinkedHashMap<>(weights);
        trainable.remove(EncoderWeights.POSITIONS);
        return trainable;
    }

    /** The trainable weights of the audio side alone: encoder and projector. */
    public Map<String, NDArray> trainableAudioWeights() {
        Map<String, NDArray> audio = trainableWeights();
        audio.keySet().removeIf(name -> !name.startsWith(EncoderWeights.TOWER) && !name.startsWith(EncoderWeights.PROJECTOR));
        return audio;
    }

    /** Writes {@code config.json} and {@code model.safetensors} (HF names, the compute type) into {@code folder}. */
    public void save(Path folder) throws IOException {
        String dtype = switch (computeType) {
            case FLOAT32 -> "F32";
            case FLOAT16 -> "F16";
            default -> throw new IllegalStateException("cannot save " + computeType + " weights; save a float32 model");
        };
        Files.createDirectories(folder);
        SafetensorsWriter writer = new SafetensorsWriter();
        for (Map.Entry<String, NDArray> e : weights.entrySet()) {
            writer.put(e.getKey(), new SafetensorsWriter.Tensor(dtype, e.getValue().getShape().getShape(),
                    e.getValue().toByteArray()));
        }
        writer.write(folder.resolve("model.safetensors"));
        Files.writeString(folder.resolve("config.json"), config.toJson());
    }

    @Override
    public void close() {
        manager.close();
    }
}
