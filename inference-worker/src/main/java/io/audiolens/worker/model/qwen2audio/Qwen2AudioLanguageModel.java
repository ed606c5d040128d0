package io.audiolens.worker.model.qwen2audio;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.LensHead;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.model.api.TextTokenizer;
import io.audiolens.worker.model.api.UnusableAudioException;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.stream.IntStream;

/**
 * Qwen2-Audio as the lens reads it: 128-bin Whisper features, the encoder once per clip, the ChatML prompt
 * with one {@code <|AUDIO|>} per audio vector; the audio-masked view hides those positions (not
 * {@code <|audio_bos|>} and {@code <|audio_eos|>}).
 */
final class Qwen2AudioLanguageModel implements AudioLanguageModel {
    /** Samples of the shortest clip with one audio token: 3 mel frames, the third begun. */
    static final int MINIMUM_SAMPLES = 2 * 160 + 1;

    private final Qwen2AudioModel model;
    private final Qwen2AudioPrompts prompts;
    private final WhisperLogMel logMel;

    Qwen2AudioLanguageModel(Qwen2AudioModel model, Qwen2AudioPrompts prompts) {
        this.model = model;
        this.prompts = prompts;
        this.logMel = new WhisperLogMel(model.config().audio().melBins());
        if (prompts.audioTokenId() != model.config().audioTokenId()) {
            throw new IllegalArgumentException("tokenizer.json has <|AUDIO|> = " + prompts.audioTokenId()
                    + " but config.json says audio_token_index = " + model.config().audioTokenId());
        }
    }

    @Override
    public String family() {
        return Qwen2AudioFamily.ID;
    }

    @Override
    public int layers() {
        return model.config().text().layers();
    }

    @Override
    public NDManager newCallManager() {
        return model.newCallManager();
    }

    @Override
    public LogMelFeatures features(float[] waveform) {
        return logMel.extract(waveform);
    }

    @Override
    public EncodedClip encode(NDManager clip, LogMelFeatures features) {
        if (Qwen2AudioConfig.audioTokens(features.realFrames()) < 1) {
            throw new UnusableAudioException("the clip has " + features.samples() + " samples (" + features.samples() / 16
                    + " ms); Qwen2-Audio needs at least " + MINIMUM_SAMPLES + " (21 ms at 16 kHz) for one audio token");
        }
        try (NDManager encoderScope = clip.newSubManager()) {
            NDArray audio = model.audioEmbeddings(features.toNDArray(encoderScope), features.realFrames()); // (P, D)
            audio.attach(clip);
            return new Clip(audio);
        }
    }

    @Override
    public Decoder decoder() {
        return model.decoder();
    }

    @Override
    public LensHead lensHead() {
        return model.lensHead();
    }

    @Override
    public TextTokenizer tokenizer() {
        return prompts.tokenizer();
    }

    @Override
    public void close() {
        model.close();
        prompts.tokenizer().close();
    }

    /** A clip's audio embeddings (P, D), one per {@code <|AUDIO|>} position of its prompts. */
    private final class Clip implements EncodedClip {
        private final NDArray audio;

        Clip(NDArray audio) {
            this.audio = audio;
        }

        @Override
        public int audioTokens() {
            return Math.toIntExact(audio.getShape().get(0));
        }

        @Override
        public PromptInput prompt(NDManager scope, Attribute attribute, PromptFormat format) {
            long[] ids = prompts.ids(attribute, format, audioTokens());
            int[] audioPositions = IntStream.range(0, ids.length).filter(i -> ids[i] == prompts.audioTokenId()).toArray();
            return new PromptInput(ids, model.inputEmbeddings(scope, ids, audio), audioPositions);
        }
    }
}
