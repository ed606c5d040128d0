package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.api.training.HeldOutAccuracy;
import io.audiolens.worker.prompt.PromptFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts correct answers per attribute and format while held-out clips are evaluated. */
final class HeldOutTally {
    private final Map<Attribute, Map<PromptFormat, int[]>> counts = new LinkedHashMap<>();

    void add(Attribute attribute, PromptFormat format, boolean correct) {
        int[] c = counts.computeIfAbsent(attribute, a -> new EnumMap<>(PromptFormat.class))
                .computeIfAbsent(format, f -> new int[2]);
        c[0] += correct ? 1 : 0;
        c[1]++;
    }

    HeldOutAccuracy accuracy() {
        Map<Attribute, Map<PromptFormat, Double>> fractions = new LinkedHashMap<>();
        counts.forEach((attribute, formats) -> {
            Map<PromptFormat, Double> byFormat = new EnumMap<>(PromptFormat.class);
            formats.forEach((format, c) -> byFormat.put(format, (double) c[0] / c[1]));
            fractions.put(attribute, Collections.unmodifiableMap(byFormat));
        });
        return new HeldOutAccuracy(fractions);
    }
}
