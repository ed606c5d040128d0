package io.audiolens.worker.model.qwenaudio;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.features.LogMelFeatures;
import io.audiolens.worker.features.WhisperLogMel;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.model.api.TextTokenizer;
import io.audiolens.worker.model.common.CheckpointWeightSource;
import io.audiolens.worker.model.common.DecoderStackWeights;
import io.audiolens.worker.model.common.FinalNormLensHead;
import io.audiolens.worker.model.common.TransformerDecoder;
import io.audiolens.worker.model.common.WeightSource;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Qwen-Audio-Chat as the lens reads it: 80-bin Whisper features, its audio encoder once per clip, the
 * ChatML prompt with the clip's span {@code <audio>}, P pads, {@code </audio>}, whose rows become
 * [bos, the P audio rows, eos]. The audio-masked view hides the P audio rows; the learned bos/eos rows
 * stay visible, as in the reference. T prompt positions, D width.
 */
final class QwenAudioModel implements AudioLanguageModel {
    private final NDManager manager;
    private final QwenAudioConfig config;
    private final DataType computeType;
    private final QwenTokenizer tokenizer;
    private final QwenAudioEncoder encoder;
    private final DecoderStackWeights weights;
    private final TransformerDecoder decoder;
    private final FinalNormLensHead lensHead;
    private final WhisperLogMel logMel;
    private final long audioStart;
    private final long audioEnd;
    private final long audioPad;

    private QwenAudioModel(NDManager manager, QwenAudioConfig config, DataType computeType, QwenTokenizer tokenizer,
            QwenAudioEncoderWeights encoder, DecoderStackWeights weights) {
        this.manager = manager;
        this.config = config;
        this.computeType = computeType;
        this.tokenizer = tokenizer;
        this.encoder = new QwenAudioEncoder(config.audio(), encoder);
        this.weights = weights;
        this.decoder = new TransformerDecoder(config.text(), weights.layers());
        this.lensHead = new FinalNormLensHead(weights.finalNorm(), config.text().rmsNormEps(), weights.unembed());
        this.logMel = new WhisperLogMel(config.audio().melBins());
        this.audioStart = tokenizer.specialId(QwenSpecialTokens.AUDIO_START);
        this.audioEnd = tokenizer.specialId(QwenSpecialTokens.AUDIO_END);
        this.audioPad = tokenizer.specialId(QwenSpecialTokens.AUDIO_PAD);
    }

    static QwenAudioModel load(Checkpoint checkpoint, QwenTokenizer tokenizer, Device device, DataType computeType) {
        QwenAudioConfig config = QwenAudioConfig.fromJson(checkpoint.config());
        if (tokenizer.specialId(QwenSpecialTokens.AUDIO_START) != config.audio().audioStartId()) {
            throw new IllegalArgumentException("qwen.tiktoken puts <audio> at id "
                    + tokenizer.specialId(QwenSpecialTokens.AUDIO_START) + " but config.json says audio.audio_start_id = "
                    + config.audio().audioStartId() + "; the tokenizer and the checkpoint do not belong together");
        }
        if (tokenizer.vocabularySize() > config.text().vocabSize()) {
            throw new IllegalArgumentException("qwen.tiktoken has " + tokenizer.vocabularySize()
                    + " ids but config.json's vocab_size is " + config.text().vocabSize());
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            WeightSource source = new CheckpointWeightSource(checkpoint, manager, computeType);
            QwenAudioEncoderWeights encoder = QwenAudioEncoderWeights.load(source, config.audio());
            DecoderStackWeights decoder = QwenWeights.load(source, config.text());
            QwenAudioModel model = new QwenAudioModel(manager, config, computeType, tokenizer, encoder, decoder);
            manager.cap(); // from here on, anything attached to the weights' manager is a leak: fail loudly
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String family() {
        return QwenAudioFamily.ID;
    }

    @Override
    public int layers() {
        return config.text().layers();
    }

    @Override
    public NDManager newCallManager() {
        return manager.newSubManager();
    }

    @Override
    public LogMelFeatures features(float[] waveform) {
        return logMel.extract(waveform);
    }

    @Override
    public EncodedClip encode(NDManager clip, LogMelFeatures features) {
        if (features.melBins() != config.audio().melBins()) {
            throw new IllegalArgumentException("features have " + features.melBins() + " mel bins but the model expects "
                    + config.audio().melBins());
        }
        try (NDManager encoderScope = clip.newSubManager()) {
            NDArray mel = features.toNDArray(encoderScope).toType(computeType, false);
            NDArray span = encoder.encode(mel, features.wholeFrames(), features.samples()); // (P + 2, D)
            span.attach(clip);
            return new Clip(span);
        }
    }

    @Override
    public TransformerDecoder decoder() {
        return decoder;
    }

    @Override
    public FinalNormLensHead lensHead() {
        return lensHead;
    }

    @Override
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** The ids of a prompt with P audio pads between {@code <audio>} and {@code </audio>}. */
    long[] promptIds(Attribute attribute, PromptFormat format, int audioTokens) {
        long[] before = tokenizer.encode(QwenAudioChatTemplate.beforeAudio());
        long[] after = tokenizer.encode(QwenAudioChatTemplate.afterAudio(attribute, format));
        if (before[before.length - 1] != audioStart || after[0] != audioEnd) {
            throw new IllegalStateException(tokenizer.source() + " does not encode <audio> and </audio> as the special "
                    + "tokens " + audioStart + " and " + audioEnd + "; is it the model's own qwen.tiktoken?");
        }
        long[] ids = Arrays.copyOf(before, before.length + audioTokens + after.length);
        Arrays.fill(ids, before.length, before.length + audioTokens, audioPad);
        System.arraycopy(after, 0, ids, before.length + audioTokens, after.length);
        if (ids.length > config.seqLength()) {
            throw new IllegalArgumentException("the prompt has " + ids.length + " positions, more than the model's "
                    + "seq_length " + config.seqLength() + "; beyond it Qwen-Audio scales attention (dynamic NTK, "
                    + "log-n), which this runtime does not implement; use a shorter clip");
        }
        return ids;
    }

    /** A clip's rows for its {@code <audio>…</audio>} span: (P + 2, D). */
    private final class Clip implements EncodedClip {
        private final NDArray span;

        Clip(NDArray span) {
            this.span = span;
        }

        @Override
        public int audioTokens() {
            return Math.toIntExact(span.getShape().get(0)) - 2;
        }

        @Override
        public PromptInput prompt(NDManager scope, Attribute attribute, PromptFormat format) {
            long[] ids = promptIds(attribute, format, audioTokens());
            int start = IntStream.range(0, ids.length).filter(i -> ids[i] == audioStart).findFirst().orElseThrow();
            int end = start + audioTokens() + 1;
            NDArray tokens = weights.embedTokens().get(scope, new NDIndex("{}", scope.create(ids))); // (T, D)
            NDArray embeds = tokens.get(new NDIndex(":{}", start))
                    .concat(span, 0)
                    .concat(tokens.get(new NDIndex("{}:", end + 1)), 0);                          // (T, D)
            return new PromptInput(ids, embeds, IntStream.rangeClosed(start + 1, end - 1).toArray());
        }
    }
}
