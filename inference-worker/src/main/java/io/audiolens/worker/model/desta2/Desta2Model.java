package io.audiolens.worker.model.desta2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.model.api.TextTokenizer;
import io.audiolens.worker.model.api.Transcript;
import io.audiolens.worker.model.common.FinalNormLensHead;
import io.audiolens.worker.model.common.TransformerDecoder;
import io.audiolens.worker.model.llama.LlamaModel;
import io.audiolens.worker.model.whisper.WhisperModel;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * DeSTA2 as the lens reads it. Per clip, once: 80-bin Whisper features; the Whisper encoder over the whole
 * 30 s window; the greedy transcript; the connector over the tapped encoder states, giving P audio
 * vectors. Per prompt: the Llama-3 prompt with the transcript in it ({@link Desta2Prompt}), the P vectors
 * spliced in before {@code audio_position}. The decoder and lens head are the Llama's. T positions
 * (token ids + P), D Llama width.
 */
final class Desta2Model implements AudioLanguageModel {
    private final Desta2Config config;
    private final WhisperModel whisper;
    private final NDManager connectorManager;
    private final QFormerConnector connector;
    private final LlamaModel llama;
    private final Desta2Prompt prompt;
    private final WhisperLogMel logMel;

    Desta2Model(Desta2Config config, WhisperModel whisper, NDManager connectorManager, QFormerConnector connector,
            LlamaModel llama, Desta2Prompt prompt) {
        this.config = config;
        this.whisper = whisper;
        this.connectorManager = connectorManager;
        this.connector = connector;
        this.llama = llama;
        this.prompt = prompt;
        this.logMel = new WhisperLogMel(whisper.melBins());
    }

    @Override
    public String family() {
        return Desta2Family.ID;
    }

    @Override
    public int layers() {
        return llama.config().layers();
    }

    @Override
    public NDManager newCallManager() {
        return llama.newCallManager();
    }

    @Override
    public LogMelFeatures features(float[] waveform) {
        return logMel.extract(waveform);
    }

    @Override
    public EncodedClip encode(NDManager clip, LogMelFeatures features) {
        if (features.melBins() != whisper.melBins()) {
            throw new IllegalArgumentException("features have " + features.melBins() + " mel bins but Whisper takes "
                    + whisper.melBins());
        }
        try (NDManager encoderScope = clip.newSubManager()) {
            Perception perception = perceive(features.toNDArray(encoderScope).toType(llama.computeType(), false));
            perception.vectors().attach(clip);
            return new Clip(perception.vectors(), perception.generation().transcript());
        }
    }

    /** Whisper's transcript and the connector's stages for one clip's features (M, 3000). */
    record Perception(WhisperModel.Generation generation, QFormerConnector.Output connector) {
        NDArray vectors() {
            return connector.vectors();
        }
    }

    Perception perceive(NDArray features) {
        List<NDArray> states = whisper.hiddenStates(features);
        WhisperModel.Generation generation = whisper.transcribe(states.get(states.size() - 1));
        List<NDArray> tapped = config.taps().stream().map(states::get).toList();
        return new Perception(generation, connector.forward(tapped));
    }

    Desta2Prompt prompt() {
        return prompt;
    }

    @Override
    public TransformerDecoder decoder() {
        return llama.decoder();
    }

    @Override
    public FinalNormLensHead lensHead() {
        return llama.lensHead();
    }

    @Override
    public TextTokenizer tokenizer() {
        return llama.tokenizer();
    }

    @Override
    public void close() {
        connectorManager.close();
        whisper.close();
        llama.close();
    }

    /** A clip's P audio vectors (P, D) and its transcript. */
    private final class Clip implements EncodedClip {
        private final NDArray vectors;
        private final Transcript transcript;

        Clip(NDArray vectors, Transcript transcript) {
            this.vectors = vectors;
            this.transcript = transcript;
        }

        @Override
        public int audioTokens() {
            return Math.toIntExact(vectors.getShape().get(0));
        }

        @Override
        public Optional<Transcript> transcript() {
            return Optional.of(transcript);
        }

        @Override
        public PromptInput prompt(NDManager scope, Attribute attribute, PromptFormat format) {
            Desta2Prompt.Tokens tokens = prompt.tokens(attribute, format, transcript.text());
            int at = tokens.audioPosition();
            int p = audioTokens();
            NDArray embedded = llama.embed(scope, tokens.ids());                               // (T − P, D)
            NDArray embeds = NDArrays.concat(new NDList(embedded.get(new NDIndex(":{}", at)), vectors,
                    embedded.get(new NDIndex("{}:", at))), 0);                                // (T, D)
            // hidden from the audio-masked row: the audio vectors and the transcript's tokens
            int[] masked = IntStream.concat(IntStream.range(at, at + p),
                    IntStream.of(tokens.transcriptTokens()).map(i -> i < at ? i : i + p)).sorted().toArray();
            return new PromptInput(tokens.ids(), embeds, masked);
        }
    }
}
