package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.qwen2audio.Enrichment;
import io.audiolens.worker.model.qwen2audio.LastTokenStates;
import io.audiolens.worker.model.qwen2audio.PrefixCache;
import io.audiolens.worker.model.qwen2audio.Qwen2Decoder;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One clip's audio embeddings, kept for as many prompts as the caller asks. Each prompt is one prefix
 * pass plus one batched last-token pass (plain, audio-masked, every enrichment); the lens reads all
 * views' rows in one matmul. L layers, D width, Y labels.
 */
public final class ClipSession implements AutoCloseable {
    private final LensRuntime runtime;
    private final NDManager clip;
    private final NDArray audio; // (P_audio, D)

    ClipSession(LensRuntime runtime, NDManager clip, NDArray audio) {
        this.runtime = runtime;
        this.clip = clip;
        this.audio = audio;
    }

    public int audioTokens() {
        return (int) audio.getShape().get(0);
    }

    /**
     * The lens for one prompt: the prefix once, then every last-token variant (plain, audio-masked, each
     * enrichment) as rows of one batch reusing the prefix keys/values.
     */
    public LensReport analyze(Attribute attribute, PromptFormat format, List<Enrichment> enrichments) {
        Prompt prompt = prompt(attribute, format);
        int layers = runtime.layers();
        try (NDManager scope = clip.newSubManager()) {
            Qwen2Decoder decoder = runtime.model().decoder();
            NDArray embeds = runtime.model().inputEmbeddings(scope, prompt.ids, audio);            // (T, D)
            PrefixCache prefix = decoder.prefill(embeds.get(new NDIndex(":{}", prompt.length() - 1)));
            LastTokenStates last = decoder.extend(prefix, embeds.get(prompt.length() - 1), prompt.audioPositions,
                    true, enrichments);
            // lens rows: last, penultimate, last_audio_masked at layers 1..L, then each enrichment at L
            NDList rows = new NDList();
            IntStream.rangeClosed(1, layers).forEach(l -> rows.add(last.plain(l)));
            IntStream.rangeClosed(1, layers).forEach(l -> rows.add(prefix.penultimate(l)));
            IntStream.rangeClosed(1, layers).forEach(l -> rows.add(last.audioMasked(l)));
            IntStream.range(0, enrichments.size()).forEach(i -> rows.add(last.enriched(i, layers)));
            return report(attribute, format, prompt, readLens(prompt, rows), enrichments);
        }
    }

    /**
     * The same report computed the naive way (a full forward pass of all T tokens per variant), as the
     * reference code did: the benchmark's baseline and an independent check of {@link #analyze}.
     */
    public LensReport analyzeNaive(Attribute attribute, PromptFormat format, List<Enrichment> enrichments) {
        Prompt prompt = prompt(attribute, format);
        int layers = runtime.layers();
        int t = prompt.length();
        try (NDManager scope = clip.newSubManager()) {
            Qwen2Decoder decoder = runtime.model().decoder();
            NDArray embeds = runtime.model().inputEmbeddings(scope, prompt.ids, audio);
            List<NDArray> plain = decoder.fullForward(embeds, prompt.audioPositions, false, null);
            List<NDArray> masked = decoder.fullForward(embeds, prompt.audioPositions, true, null);
            NDList rows = new NDList();
            plain.forEach(h -> rows.add(h.get(t - 1)));
            plain.forEach(h -> rows.add(h.get(t - 2)));
            masked.forEach(h -> rows.add(h.get(t - 1)));
            for (Enrichment e : enrichments) {
                try (NDManager pass = scope.newSubManager()) { // free each pass's activations before the next
                    NDArray own = embeds.duplicate();
                    own.attach(pass);
                    NDArray last = decoder.fullForward(own, prompt.audioPositions, false, e).get(layers - 1).get(t - 1);
                    last.attach(scope);
                    rows.add(last);
                }
            }
            return report(attribute, format, prompt, readLens(prompt, rows), enrichments);
        }
    }

    /** One plain forward pass of the whole prompt, to the model's own label probabilities: the cost unit. */
    public float[] forward(Attribute attribute, PromptFormat format) {
        Prompt prompt = prompt(attribute, format);
        try (NDManager scope = clip.newSubManager()) {
            NDArray embeds = runtime.model().inputEmbeddings(scope, prompt.ids, audio);
            List<NDArray> outputs = runtime.model().decoder().fullForward(embeds, prompt.audioPositions, false, null);
            NDList last = new NDList(outputs.get(outputs.size() - 1).get(prompt.length() - 1));
            return readLens(prompt, last)[0];
        }
    }

    private Prompt prompt(Attribute attribute, PromptFormat format) {
        long[] ids = runtime.promptIds(attribute, format, audioTokens());
        int[] audioPositions = IntStream.range(0, ids.length).filter(i -> ids[i] == runtime.audioTokenId()).toArray();
        return new Prompt(ids, audioPositions, runtime.labelTokenIds(attribute));
    }

    private float[][] readLens(Prompt prompt, NDList rows) {
        return new LogitLens(runtime.model(), prompt.labelIds).labelProbabilities(NDArrays.stack(rows));
    }

    private record Prompt(long[] ids, int[] audioPositions, int[] labelIds) {
        int length() {
            return ids.length;
        }
    }

    private LensReport report(Attribute attribute, PromptFormat format, Prompt prompt, float[][] probs,
            List<Enrichment> enrichments) {
        int layers = runtime.layers();
        Map<View, float[][]> views = new EnumMap<>(View.class);
        views.put(View.LAST, Arrays.copyOfRange(probs, 0, layers));
        views.put(View.PENULTIMATE, Arrays.copyOfRange(probs, layers, 2 * layers));
        views.put(View.LAST_AUDIO_MASKED, Arrays.copyOfRange(probs, 2 * layers, 3 * layers));
        List<EnrichedPrediction> enriched = new ArrayList<>();
        for (int i = 0; i < enrichments.size(); i++) {
            float[] p = probs[3 * layers + i];
            enriched.add(new EnrichedPrediction(enrichments.get(i), p, Labels.predicted(attribute.labels(), p)));
        }
        String prediction = Labels.predicted(attribute.labels(), views.get(View.LAST)[layers - 1]);
        return new LensReport(runtime.modelName(), attribute.name(), format.name(), layers, attribute.labels(),
                prompt.labelIds, prompt.length(), audioTokens(), views, prediction, List.copyOf(enriched));
    }

    @Override
    public void close() {
        clip.close();
    }
}
