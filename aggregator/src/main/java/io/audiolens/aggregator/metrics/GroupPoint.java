package io.audiolens.aggregator.metrics;

import io.audiolens.schemas.PromptFormat;
import java.util.Comparator;

/** What Tables II and III need of one view LAST group: its critical layer and accuracy (either may be null). */
public record GroupPoint(String attribute, PromptFormat prompt, Double criticalLayer, Double accuracy) {

    static final Comparator<GroupPoint> ORDER =
            Comparator.comparing(GroupPoint::attribute).thenComparing(GroupPoint::prompt);

    public static GroupPoint of(GroupMetrics group) {
        return new GroupPoint(group.attribute(), group.prompt(), group.criticalLayer(), group.accuracy());
    }
}
