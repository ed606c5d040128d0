package io.audiolens.worker.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.api.Decoder;
import io.audiolens.worker.model.api.EncodedClip;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixCache;
import io.audiolens.worker.model.api.PromptInput;
import io.audiolens.worker.prompt.Labels;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * One clip after the model's audio side, kept for as many prompts as the caller asks. Each prompt is one
 * prefix pass plus one batched last-token pass (plain, audio-masked, every enrichment); the lens reads all
 * views' rows in one matmul. L layers, T prompt positions, Y labels.
 */
public final class ClipSession implements AutoCloseable {
    private final LensRuntime runtime;
    private final NDManager clip;
    private final EncodedClip encoded;

    ClipSession(LensRuntime runtime, NDManager clip, EncodedClip encoded) {
        this.runtime = runtime;
        this.clip = clip;
        this.encoded = encoded;
    }

    public int audioTokens() {
        return encoded.audioTokens();
    }

    /**
     * The lens for one prompt: the prefix once, then every last-token variant (plain, audio-masked, each
     * enrichment) as rows of one batch reusing the prefix keys/values.
     */
    public LensReport analyze(Attribute attribute, PromptFormat format, List<Enrichment> enrichments) {
        try (NDManager scope = clip.newSubManager()) {
            PromptInput prompt = encoded.prompt(scope, attribute, format);
            NDArray embeds = prompt.embeddings();                                          // (T, D)
            int t = prompt.length();
            Decoder decoder = runtime.model().decoder();
            PrefixCache prefix = decoder.prefill(embeds.get(new NDIndex(":{}", t - 1)));
            LastTokenStates last = decoder.extend(prefix, embeds.get(t - 1), prompt.audioPositions(),
                    LastTokenVariants.of(true, enrichments));
            LensRows rows = viewRows(prefix, last);
            for (int i = 0; i < enrichments.size(); i++) {
                rows.enriched(last.enriched(i, runtime.layers()));
            }
            return report(attribute, format, prompt, rows, enrichments);
        }
    }

    /**
     * The same report computed the naive way (a full forward pass of all T tokens per variant), as the
     * reference code did: the benchmark's baseline and an independent check of {@link #analyze}.
     */
    public LensReport analyzeNaive(Attribute attribute, PromptFormat format, List<Enrichment> enrichments) {
        try (NDManager scope = clip.newSubManager()) {
            PromptInput prompt = encoded.prompt(scope, attribute, format);
            int t = prompt.length();
            int[] audio = prompt.audioPositions();
            Decoder decoder = runtime.model().decoder();
            List<NDArray> plain = decoder.fullForward(prompt.embeddings(), audio, false, null);
            List<NDArray> masked = decoder.fullForward(prompt.embeddings(), audio, true, null);
            LensRows rows = new LensRows(runtime.layers())
                    .view(View.LAST, l -> plain.get(l - 1).get(t - 1))
                    .view(View.PENULTIMATE, l -> plain.get(l - 1).get(t - 2))
                    .view(View.LAST_AUDIO_MASKED, l -> masked.get(l - 1).get(t - 1));
            for (Enrichment e : enrichments) {
                try (NDManager pass = scope.newSubManager()) { // free each pass's activations before the next
                    NDArray own = prompt.embeddings().duplicate();
                    own.attach(pass);
                    NDArray last = decoder.fullForward(own, audio, false, e).get(runtime.layers() - 1).get(t - 1);
                    last.attach(scope);
                    rows.enriched(last);
                }
            }
            return report(attribute, format, prompt, rows, enrichments);
        }
    }

    /** One plain forward pass of the whole prompt, to the model's own label probabilities: the cost unit. */
    public float[] forward(Attribute attribute, PromptFormat format) {
        try (NDManager scope = clip.newSubManager()) {
            PromptInput prompt = encoded.prompt(scope, attribute, format);
            List<NDArray> outputs = runtime.model().decoder().fullForward(prompt.embeddings(), prompt.audioPositions(),
                    false, null);
            NDArray last = outputs.get(outputs.size() - 1).get(prompt.length() - 1).expandDims(0);
            return lens(attribute).labelProbabilities(last)[0];
        }
    }

    /** The prompt about this clip, embedded in {@code scope}: a batch builds its prompts with it. */
    PromptInput prompt(NDManager scope, Attribute attribute, PromptFormat format) {
        return encoded.prompt(scope, attribute, format);
    }

    /** The report of one prompt of a batch, from its prefix and its last-token rows (no enrichment). */
    LensReport report(Attribute attribute, PromptFormat format, PromptInput prompt, PrefixCache prefix,
            LastTokenStates last) {
        return report(attribute, format, prompt, viewRows(prefix, last), List.of());
    }

    /** The three views' rows: the last token plain and audio-masked, the penultimate token. */
    private LensRows viewRows(PrefixCache prefix, LastTokenStates last) {
        return new LensRows(runtime.layers())
                .view(View.LAST, last::plain)
                .view(View.PENULTIMATE, prefix::penultimate)
                .view(View.LAST_AUDIO_MASKED, last::audioMasked);
    }

    private LogitLens lens(Attribute attribute) {
        return new LogitLens(runtime.model().lensHead(), runtime.labelTokenIds(attribute));
    }

    private LensReport report(Attribute attribute, PromptFormat format, PromptInput prompt, LensRows rows,
            List<Enrichment> enrichments) {
        LensRows.Readings readings = rows.read(lens(attribute));
        List<EnrichedPrediction> enriched = new ArrayList<>();
        for (int i = 0; i < enrichments.size(); i++) {
            float[] p = readings.enriched().get(i);
            enriched.add(new EnrichedPrediction(enrichments.get(i), p, Labels.predicted(attribute.labels(), p)));
        }
        int layers = runtime.layers();
        String prediction = Labels.predicted(attribute.labels(), readings.views().get(View.LAST)[layers - 1]);
        return new LensReport(runtime.modelName(), runtime.family(), attribute.name(), format.name(), layers, attribute.labels(),
                runtime.labelTokenIds(attribute), prompt.length(), audioTokens(), readings.views(), prediction,
                List.copyOf(enriched), encoded.transcript().orElse(null));
    }

    @Override
    public void close() {
        clip.close();
    }
}
