package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 1 of training: the audio side learns alone, as Qwen2-Audio's encoder comes pre-trained
 * (Whisper) before the language model ever sees it. Per attribute, a linear probe reads the label from
 * the clip's mean audio embedding; the probes are thrown away afterwards, the encoder and projector
 * keep what they learned. Without this stage the answer loss alone reaches the encoder too weakly: the
 * language of a clip stayed at chance through the first thousand updates. Y labels, P audio tokens, D width.
 */
final class EncoderWarmUp implements AutoCloseable {
    private static final float PROBE_STD = 0.02f;
    private final Qwen2AudioModel model;
    private final NDManager probeManager;
    private final Map<Attribute, NDArray> probes = new LinkedHashMap<>(); // (Y, D) each

    EncoderWarmUp(Qwen2AudioModel model, List<TrainingClip> clips) {
        this.model = model;
        this.probeManager = model.newCallManager();
        int width = model.config().text().width();
        clips.stream().flatMap(c -> c.labels().keySet().stream()).distinct().forEach(attribute -> {
            NDArray probe = probeManager.randomNormal(0, PROBE_STD, new Shape(attribute.labels().size(), width),
                    DataType.FLOAT32);
            probes.put(attribute, probe);
        });
    }

    /** The encoder's and projector's weights and the probes: what this stage trains. */
    Map<String, NDArray> trainableWeights() {
        Map<String, NDArray> weights = new LinkedHashMap<>(model.trainableAudioWeights());
        probes.forEach((attribute, probe) -> weights.put("probe." + attribute.name(), probe));
        return weights;
    }

    /** Summed cross-entropy of the clip's labels under the probes (a scalar), and how many labels that is. */
    TinyModelTrainer.Loss loss(NDManager step, TrainingClip clip, TrainingClip.Heard heard) {
        NDArray pooled = pooled(heard);
        NDArray sum = null;
        for (Map.Entry<Attribute, String> label : clip.labels().entrySet()) {
            // the step's array first: a result belongs to its first operand's manager, and the probes'
            // manager lives through the whole warm-up
            NDArray loss = Linear.linear(pooled, probe(label.getKey())).head().logSoftmax(0)     // (Y)
                    .get(label.getKey().indexOf(label.getValue())).neg();
            sum = sum == null ? loss : sum.add(loss);
        }
        return new TinyModelTrainer.Loss(sum, sum, clip.labels().size());
    }

    /** Held-out probe accuracy per attribute. */
    Map<Attribute, Double> accuracy(List<TrainingClip> clips) {
        Map<Attribute, int[]> counts = new LinkedHashMap<>();
        for (TrainingClip clip : clips) {
            try (NDManager scope = model.newCallManager()) {
                NDArray pooled = pooled(clip.heard(scope));
                clip.labels().forEach((attribute, label) -> {
                    int[] c = counts.computeIfAbsent(attribute, a -> new int[2]);
                    c[0] += Linear.linear(pooled, probe(attribute)).head().argMax().getLong() == attribute.indexOf(label)
                            ? 1 : 0;
                    c[1]++;
                });
            }
        }
        Map<Attribute, Double> accuracy = new LinkedHashMap<>();
        counts.forEach((attribute, c) -> accuracy.put(attribute, (double) c[0] / c[1]));
        return accuracy;
    }

    private NDArray probe(Attribute attribute) {
        NDArray probe = probes.get(attribute);
        if (probe == null) {
            throw new IllegalArgumentException("the held-out clips are labelled " + attribute.name()
                    + " but no training clip is; label " + attribute.name() + " in the train split too");
        }
        return probe;
    }

    /** (D) the mean of the clip's audio embeddings, as it is heard. */
    private NDArray pooled(TrainingClip.Heard heard) {
        return model.audioEmbeddings(heard.features(), heard.frames()).mean(new int[] {0});
    }

    @Override
    public void close() {
        probeManager.close();
    }
}
