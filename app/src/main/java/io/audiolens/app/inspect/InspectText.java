package io.audiolens.app.inspect;

import io.audiolens.worker.lens.EnrichedPrediction;
import io.audiolens.worker.prompt.Labels;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.View;

/** A human-readable table: per view and layer, the most likely label and its probability. */
final class InspectText {
    private InspectText() {}

    static String write(LensReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("model %s (%s) · %s · %s · %d layers · %d prompt tokens (%d audio)%n", r.model(),
                r.family(), r.attribute(), r.prompt(), r.layers(), r.promptTokens(), r.audioTokens()));
        if (r.transcript() != null) {
            out.append("transcript: ").append(r.transcript().text()).append(System.lineSeparator());
        }
        out.append(String.format("%-6s", "layer"));
        for (View view : View.values()) {
            out.append(String.format("  %-28s", view.id()));
        }
        out.append(System.lineSeparator());
        for (int l = 0; l < r.layers(); l++) {
            out.append(String.format("%-6d", l + 1));
            for (View view : View.values()) {
                float[] probs = r.view(view)[l];
                int best = Labels.argmax(probs);
                out.append(String.format("  %-16s p=%.3e", r.labels().get(best), probs[best]));
            }
            out.append(System.lineSeparator());
        }
        out.append("prediction: ").append(r.prediction()).append(System.lineSeparator());
        for (EnrichedPrediction e : r.enrichment()) {
            out.append(String.format("enriched h^%d += %.2f·h^%d -> %s%n", e.enrichment().targetLayer(),
                    e.enrichment().lambda(), e.enrichment().sourceLayer(), e.prediction()));
        }
        return out.toString().stripTrailing();
    }
}
