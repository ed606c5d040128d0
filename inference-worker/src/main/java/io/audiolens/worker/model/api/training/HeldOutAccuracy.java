package io.audiolens.worker.model.api.training;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model's own answers on held-out clips (last layer, last token, most likely label token), as a
 * fraction correct per attribute and prompt format.
 */
public record HeldOutAccuracy(Map<Attribute, Map<PromptFormat, Double>> byPrompt) {

    public HeldOutAccuracy {
        byPrompt = Collections.unmodifiableMap(new LinkedHashMap<>(byPrompt));
    }

    /** The mean over prompt formats, as AudioLens averages P1–P3. */
    public double of(Attribute attribute) {
        Map<PromptFormat, Double> formats = byPrompt.get(attribute);
        if (formats == null) {
            throw new IllegalArgumentException("no held-out clips for " + attribute.name());
        }
        return formats.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** "gender 95.0 %, language 81.3 %" */
    public String summary() {
        return byPrompt.keySet().stream()
                .map(a -> String.format(Locale.ROOT, "%s %.1f %%", a.name(), 100 * of(a)))
                .collect(Collectors.joining(", "));
    }
}
