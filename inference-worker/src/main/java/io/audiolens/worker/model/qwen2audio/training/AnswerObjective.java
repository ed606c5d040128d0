package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.Labels;
import io.audiolens.worker.model.common.PackedPrompts;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.Constants;
import java.util.Arrays;
import java.util.List;

/**
 * What the tiny model learns: after an AudioLens prompt, its next token is the label's first token. The
 * forward pass is the runtime's own (encoder, input merge, decoder layers, final norm and LM head); the
 * prompts about one clip run in one pass that computes their shared start (system text, audio) once,
 * so a trained model answers the lens exactly as it answered here. N questions, P audio tokens, D width,
 * V vocabulary, Y labels.
 */
final class AnswerObjective {
    private final Qwen2AudioModel model;
    private final Prompts prompts;

    /** One prompt about a clip, and the answer it should get. */
    record Question(Attribute attribute, PromptFormat format, String label) {}

    AnswerObjective(Qwen2AudioModel model, Prompts prompts) {
        this.model = model;
        this.prompts = prompts;
    }

    /** (P, D) the clip's audio embeddings, as it is heard. */
    NDArray audio(TrainingClip.Heard heard) {
        return model.audioEmbeddings(heard.features(), heard.frames());
    }

    /**
     * The residual stream at each question's last prompt position ("... is"), after every layer: one
     * (N, D) array per layer, l = 1..L.
     */
    List<NDArray> lastRows(NDManager scope, NDArray audio, List<Question> questions) {
        int audioTokens = (int) audio.getShape().get(0);
        List<long[]> ids = questions.stream().map(q -> prompts.ids(q.attribute(), q.format(), audioTokens)).toList();
        int shared = sharedStart(ids);
        // segment 0: the shared start; segment n: the rest of question n's prompt, continuing segment 0
        int[] lengths = new int[questions.size() + 1];
        int[] parents = new int[questions.size() + 1];
        lengths[0] = shared;
        parents[0] = -1;
        NDList embeds = new NDList();
        for (int n = 0; n < ids.size(); n++) {
            NDArray all = model.inputEmbeddings(scope, ids.get(n), audio);                   // (T_n, D)
            if (n == 0) {
                embeds.add(all.get(new NDIndex(":{}", shared)));
            }
            embeds.add(all.get(new NDIndex("{}:", shared)));
            lengths[n + 1] = ids.get(n).length - shared;
        }
        PackedPrompts packing = new PackedPrompts(lengths, parents);
        long[] last = new long[questions.size()];
        for (int n = 0; n < last.length; n++) {
            last[n] = packing.start(n + 1) + lengths[n + 1] - 1L;
        }
        NDArray lastIndex = scope.create(last);
        return model.decoder().packedForward(NDArrays.concat(embeds, 0), packing).stream()  // (ΣT, D) per layer
                .map(h -> h.get(new NDIndex("{}", lastIndex)))                               // (N, D)
                .toList();
    }

    /** (N, V) the model's next-token logits: final norm and LM head on the last layer's rows. */
    NDArray logits(List<NDArray> lastRows) {
        return model.logits(lastRows.get(lastRows.size() - 1));
    }

    /** Summed cross-entropy of each label's first token under the full-vocabulary softmax (a scalar). */
    NDArray loss(NDManager scope, NDArray logits, List<Question> questions) {
        long[] targets = questions.stream().mapToLong(q -> prompts.labelToken(q.attribute(), q.label())).toArray();
        NDArray target = scope.create(targets, new Shape(targets.length, 1));               // (N, 1)
        return logits.logSoftmax(1).gather(target, 1).sum().neg();
    }

    /**
     * How much the logit lens of layers {@code 1..early} already tells the labels apart: per question, the
     * mean over those layers of KL(uniform ‖ label distribution read by the lens), summed (a scalar).
     * Zero when every early layer reads the labels as equally likely.
     */
    NDArray earlyReadout(List<NDArray> lastRows, List<Question> questions, int early) {
        NDArray lens = model.logits(NDArrays.stack(new NDList(lastRows.subList(0, early))));  // (early, N, V)
        NDArray sum = null;
        for (int n = 0; n < questions.size(); n++) {
            Attribute attribute = questions.get(n).attribute();
            int[] tokens = prompts.labelTokens(attribute);
            NDArray columns = lens.getManager().create(Arrays.stream(tokens).asLongStream().toArray());
            NDArray labelLogits = lens.get(new NDIndex(":, {}", n)).get(new NDIndex(":, {}", columns)); // (early, Y)
            NDArray kl = Constants.minus(labelLogits.logSoftmax(1).mean().neg(), Math.log(tokens.length));
            sum = sum == null ? kl : sum.add(kl);
        }
        return sum;
    }

    /** Per question, whether its label's token beats every other label's (ties go to the earlier label, as the lens does). */
    boolean[] answers(NDArray logits, List<Question> questions) {
        float[] all = logits.toFloatArray();
        int vocab = (int) logits.getShape().get(1);
        boolean[] correct = new boolean[questions.size()];
        for (int n = 0; n < questions.size(); n++) {
            Question q = questions.get(n);
            int[] tokens = prompts.labelTokens(q.attribute());
            float[] labelLogits = new float[tokens.length];
            for (int y = 0; y < tokens.length; y++) {
                labelLogits[y] = all[n * vocab + tokens[y]];
            }
            correct[n] = Labels.argmax(labelLogits) == q.attribute().indexOf(q.label());
        }
        return correct;
    }

    /** Tokens every prompt starts with, leaving each at least its last token of its own. */
    private static int sharedStart(List<long[]> ids) {
        int shared = ids.stream().mapToInt(a -> a.length - 1).min().orElseThrow();
        for (long[] other : ids) {
            int firstDifference = Arrays.mismatch(ids.get(0), other);
            if (firstDifference >= 0) {
                shared = Math.min(shared, firstDifference);
            }
        }
        return shared;
    }
}
