package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.worker.model.qwen2audio.Enrichment;
import io.audiolens.worker.model.qwen2audio.LastTokenStates;
import io.audiolens.worker.model.qwen2audio.PrefixCache;
import io.audiolens.worker.model.qwen2audio.Qwen2Decoder;
import io.audiolens.worker.prompt.Attribute;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.ArrayList;
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

    public LensReport analyze(Attribute attribute, PromptFormat format, List<Enrichment> enrichments) {
        int[] labelIds = runtime.labelTokenIds(attribute);
        long[] ids = runtime.promptIds(attribute, format, audioTokens());
        int[] audioPositions = IntStream.range(0, ids.length).filter(i -> ids[i] == runtime.audioTokenId()).toArray();
        int t = ids.length;
        int layers = runtime.layers();
        try (NDManager scope = clip.newSubManager()) {
            Qwen2Decoder decoder = runtime.model().decoder();
            NDArray embeds = runtime.model().inputEmbeddings(scope, ids, audio);                  // (T, D)
            PrefixCache prefix = decoder.prefill(embeds.get(new NDIndex(":{}", t - 1)));        // positions 0..T-2
            LastTokenStates last = decoder.extend(prefix, embeds.get(t - 1), audioPositions, true, enrichments);
            // lens rows: last, penultimate, last_audio_masked at layers 1..L, then each enrichment at L
            NDList rows = new NDList();
            for (int l = 1; l <= layers; l++) {
                rows.add(last.plain(l));
            }
            for (int l = 1; l <= layers; l++) {
                rows.add(prefix.penultimate(l));
            }
            for (int l = 1; l <= layers; l++) {
                rows.add(last.audioMasked(l));
            }
            for (int i = 0; i < enrichments.size(); i++) {
                rows.add(last.enriched(i, layers));
            }
            float[][] probs = new LogitLens(runtime.model(), labelIds).labelProbabilities(NDArrays.stack(rows));
            return report(attribute, format, labelIds, t, probs, enrichments);
        }
    }

    private LensReport report(Attribute attribute, PromptFormat format, int[] labelIds, int promptTokens,
            float[][] probs, List<Enrichment> enrichments) {
        int layers = runtime.layers();
        Map<View, float[][]> views = new EnumMap<>(View.class);
        views.put(View.LAST, java.util.Arrays.copyOfRange(probs, 0, layers));
        views.put(View.PENULTIMATE, java.util.Arrays.copyOfRange(probs, layers, 2 * layers));
        views.put(View.LAST_AUDIO_MASKED, java.util.Arrays.copyOfRange(probs, 2 * layers, 3 * layers));
        List<EnrichedPrediction> enriched = new ArrayList<>();
        for (int i = 0; i < enrichments.size(); i++) {
            float[] p = probs[3 * layers + i];
            enriched.add(new EnrichedPrediction(enrichments.get(i), p, Labels.predicted(attribute.labels(), p)));
        }
        String prediction = Labels.predicted(attribute.labels(), views.get(View.LAST)[layers - 1]);
        return new LensReport(runtime.modelName(), attribute.name(), format.name(), layers, attribute.labels(),
                labelIds, promptTokens, audioTokens(), views, prediction, List.copyOf(enriched));
    }

    @Override
    public void close() {
        clip.close();
    }
}
