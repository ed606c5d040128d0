package io.audiolens.aggregator.state;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import java.util.Comparator;
import java.util.Locale;

/** A group: model × attribute × prompt format × view. Projections are counted per group. */
public record GroupKey(String model, String attribute, PromptFormat prompt, View view) implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::model)
            .thenComparing(GroupKey::attribute).thenComparing(GroupKey::prompt).thenComparing(GroupKey::view);

    public static GroupKey of(LayerProjection projection) {
        return new GroupKey(projection.getModel(), projection.getAttribute(), projection.getPrompt(),
                projection.getView());
    }

    /**
     * The Kafka key of the group's projections and score snapshots, {@code model|attribute|prompt|view}
     * with the view in lower case, e.g. {@code qwen2-audio|animal|P3|last}.
     */
    public String asKey() {
        return Keys.join(model, attribute, prompt.name(), view.name().toLowerCase(Locale.ROOT));
    }

    /** The model × attribute × prompt that enrichment is requested and measured for. */
    public EnrichmentKey enrichmentKey() {
        return new EnrichmentKey(model, attribute, prompt);
    }

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }
}
