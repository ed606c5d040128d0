package io.audiolens.report.figures;

import io.audiolens.report.metrics.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Scores of several prompt groups combined into one per layer, each weighted by how many samples it
 * scored: the score over all sample × prompt pairs, not the mean of unequal groups. Null where no group
 * has a value.
 */
final class Pooled {

    private Pooled() {}

    /** (L) scores over {@code groups}; {@code weight} counts the samples behind {@code scores}. */
    static List<Double> scores(List<Group> groups, Function<Group, List<Double>> scores, ToLongFunction<Group> weight) {
        int layers = groups.stream().mapToInt(Group::layers).max().orElse(0);
        List<Double> pooled = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            double sum = 0;
            long total = 0;
            for (Group group : groups) {
                List<Double> values = scores.apply(group);
                long w = weight.applyAsLong(group);
                if (l < values.size() && values.get(l) != null && w > 0) {
                    sum += w * values.get(l);
                    total += w;
                }
            }
            pooled.add(total == 0 ? null : sum / total);
        }
        return pooled;
    }

    /** The summed weights: how many sample × prompt pairs are behind the pooled curve. */
    static long weight(List<Group> groups, ToLongFunction<Group> weight) {
        return groups.stream().mapToLong(weight).sum();
    }
}
