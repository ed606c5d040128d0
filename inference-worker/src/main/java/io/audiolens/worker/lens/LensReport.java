package io.audiolens.worker.lens;

import io.audiolens.worker.model.api.Transcript;
import java.util.List;
import java.util.Map;

/**
 * Everything the lens read for one clip and one prompt: per view, the label probabilities at layers
 * 1..L ({@code views.get(view)[l-1][y]}), the model's own prediction (the most likely label at layer L
 * of view {@code last}) and the enriched variants' final answers. {@code model} is the model's name,
 * {@code family} its family ({@code qwen2-audio}, {@code qwen-audio}, ...); {@code transcript} what a
 * model that transcribes its audio (DeSTA2) wrote, or null.
 */
public record LensReport(String model, String family, String attribute, String prompt, int layers, List<String> labels,
        int[] labelTokenIds, int promptTokens, int audioTokens, Map<View, float[][]> views, String prediction,
        List<EnrichedPrediction> enrichment, Transcript transcript) {

    public float[][] view(View view) {
        float[][] probs = views.get(view);
        if (probs == null) {
            throw new IllegalArgumentException("view " + view.id() + " was not computed");
        }
        return probs;
    }
}
