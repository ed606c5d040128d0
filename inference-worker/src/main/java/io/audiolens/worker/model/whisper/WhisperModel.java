package io.audiolens.worker.model.whisper;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.prompt.Labels;
import io.audiolens.worker.model.api.Transcript;
import io.audiolens.worker.model.common.KeyValues;
import io.audiolens.worker.model.common.CheckpointWeightSource;
import io.audiolens.worker.model.common.HfTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Whisper checkpoint folder as {@code WhisperForConditionalGeneration.from_pretrained} reads it
 * ({@code config.json}, safetensors, {@code generation_config.json}, {@code tokenizer.json},
 * {@code tokenizer_config.json}): the encoder's hidden states of a clip, and its greedy transcript as
 * {@code generate} makes it with the generation config alone. A width, N = 1500 positions, V vocabulary.
 */
public final class WhisperModel implements AutoCloseable {
    private final NDManager manager;
    private final WhisperConfig config;
    private final WhisperEncoder encoder;
    private final WhisperDecoder decoder;
    private final WhisperGenerationConfig generation;
    private final HfTokenizer tokenizer;
    private final boolean cleanUpSpaces;
    private final Set<Long> specialIds; // what skip_special_tokens leaves out

    private WhisperModel(NDManager manager, WhisperConfig config, WhisperWeights weights,
            WhisperGenerationConfig generation, HfTokenizer tokenizer, boolean cleanUpSpaces, Set<Long> specialIds) {
        this.manager = manager;
        this.config = config;
        this.encoder = new WhisperEncoder(config, weights);
        this.decoder = new WhisperDecoder(config, weights);
        this.generation = generation;
        this.tokenizer = tokenizer;
        this.cleanUpSpaces = cleanUpSpaces;
        this.specialIds = specialIds;
    }

    public static WhisperModel load(Path folder, Device device, DataType computeType) {
        Checkpoint checkpoint = Checkpoint.open(folder);
        WhisperConfig config = WhisperConfig.fromJson(checkpoint.config());
        WhisperGenerationConfig generation = WhisperGenerationConfig.fromJson(
                Checkpoint.readJson(folder, "generation_config.json"), config);
        boolean cleanUp = Checkpoint.readJson(folder, "tokenizer_config.json").path("clean_up_tokenization_spaces")
                .asBoolean(false);
        HfTokenizer tokenizer = HfTokenizer.load(checkpoint.file("tokenizer.json"));
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            WhisperWeights weights = WhisperWeights.load(new CheckpointWeightSource(checkpoint, manager, computeType), config);
            WhisperModel model = new WhisperModel(manager, config, weights, generation, tokenizer, cleanUp,
                    specialIds(Checkpoint.readJson(folder, "tokenizer.json")));
            manager.cap(); // from here on, anything attached to the weights' manager is a leak: fail loudly
            return model;
        } catch (RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    public int melBins() {
        return config.melBins();
    }

    /** A, the model width. */
    public int width() {
        return config.width();
    }

    public int encoderHeads() {
        return config.encoderHeads();
    }

    /** HF's {@code encoder_hidden_states} of features (M, 3000): L + 1 arrays (1500, A), the last the encoder's output. */
    public List<NDArray> hiddenStates(NDArray features) {
        return encoder.hiddenStates(features);
    }

    /**
     * Greedy transcription as transformers 4.45 runs it from the generation config: the language detected
     * from one step on {@code <|startoftranscript|>} among the config's language tokens (unless forced),
     * the init tokens [start, language, task, no-timestamps], then the argmax at each step with the
     * suppressed tokens at −∞ (and the begin-suppressed ones at the first generated step), until
     * {@code <|endoftext|>} or {@code max_length} tokens in all.
     *
     * @param audio the encoder's output (N, A)
     */
    public Generation transcribe(NDArray audio) {
        List<KeyValues> cross = decoder.listen(audio);
        int language = generation.forcedLanguage() != null ? generation.forcedLanguage() : detectLanguage(cross);
        long[] init = {generation.decoderStartTokenId(), language, generation.task(), generation.noTimestampsTokenId()};
        List<Long> sequence = new ArrayList<>(Arrays.stream(init).boxed().toList());
        try (WhisperDecoder.Session session = decoder.start(cross)) {
            float[] logits = session.next(init);
            while (true) {
                suppress(logits, generation.suppressTokens());
                if (sequence.size() == init.length) {
                    suppress(logits, generation.beginSuppressTokens());
                }
                long next = Labels.argmax(logits);
                sequence.add(next);
                if (next == generation.eosTokenId() || sequence.size() >= generation.maxLength()) {
                    break;
                }
                logits = session.next(new long[] {next});
            }
        }
        long[] ids = sequence.stream().mapToLong(Long::longValue).toArray();
        long[] text = Arrays.stream(ids).filter(id -> !specialIds.contains(id)).toArray();
        return new Generation(language, ids, new Transcript(tokenizer.decode(ids, true, cleanUpSpaces), text));
    }

    /** The language token, the whole sequence (init tokens included) and the transcript. */
    public record Generation(int language, long[] sequence, Transcript transcript) {}

    /** Teacher-forced logits (T, V) of {@code ids} after the audio, in float32, attached to the audio's manager. */
    public NDArray logits(NDArray audio, long[] ids) {
        try (WhisperDecoder.Session session = decoder.start(decoder.listen(audio))) {
            return session.all(audio.getManager(), ids);
        }
    }

    WhisperDecoder.Session decoding(NDArray audio) {
        return decoder.start(decoder.listen(audio));
    }

    /** One step on {@code <|startoftranscript|>}, every non-language logit at −∞, argmax (lowest id on ties). */
    private int detectLanguage(List<KeyValues> cross) {
        float[] logits;
        try (WhisperDecoder.Session session = decoder.start(cross)) {
            logits = session.next(new long[] {generation.decoderStartTokenId()});
        }
        int best = -1;
        for (int id : generation.languages().values().stream().sorted().toList()) {
            if (best < 0 || logits[id] > logits[best]) {
                best = id;
            }
        }
        return best;
    }

    /** The ids of the added tokens {@code tokenizer.json} marks special. */
    private static Set<Long> specialIds(JsonNode tokenizerJson) {
        Set<Long> ids = new HashSet<>();
        tokenizerJson.path("added_tokens").forEach(t -> {
            if (t.path("special").asBoolean(false)) {
                ids.add(t.path("id").asLong());
            }
        });
        return Set.copyOf(ids);
    }

    private static void suppress(float[] logits, int[] ids) {
        for (int id : ids) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
    }
}
