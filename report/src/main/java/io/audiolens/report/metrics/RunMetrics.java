package io.audiolens.report.metrics;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything one metrics.json says, as read. Models keep the file's order; attributes follow the paper's
 * order (gender, language, emotion, animal), then any other by name.
 *
 * @param rejectedOutcomes null when the file does not report it
 */
public record RunMetrics(List<Group> groups, List<TableIIRow> tableII, List<Correlation> correlations,
        List<Enrichment> enrichment, long rejected, Long rejectedOutcomes) {

    private static final List<String> PAPER_ATTRIBUTES = List.of("gender", "language", "emotion", "animal");

    public List<String> models() {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        groups.forEach(group -> models.add(group.model()));
        tableII.forEach(row -> models.add(row.model()));
        correlations.forEach(correlation -> models.add(correlation.model()));
        enrichment.forEach(entry -> models.add(entry.model()));
        return List.copyOf(models);
    }

    /** The attributes any group of {@code model} measured. */
    public List<String> attributes(String model) {
        return groups.stream().filter(group -> group.model().equals(model)).map(Group::attribute).distinct()
                .sorted(ATTRIBUTE_ORDER).toList();
    }

    /** Every attribute of every model. */
    public List<String> attributes() {
        return groups.stream().map(Group::attribute).distinct().sorted(ATTRIBUTE_ORDER).toList();
    }

    /** The groups of one model × attribute × view, by prompt (P1, P2, P3). */
    public List<Group> groups(String model, String attribute, View view) {
        return groups.stream()
                .filter(group -> group.model().equals(model) && group.attribute().equals(attribute)
                        && group.view() == view)
                .sorted(Comparator.comparing(Group::prompt)).toList();
    }

    public Optional<Group> group(String model, String attribute, String prompt, View view) {
        return groups(model, attribute, view).stream().filter(group -> group.prompt().equals(prompt)).findFirst();
    }

    /** Clips of one model × attribute: its largest group (each clip is read under every prompt and view). */
    public long clips(String model, String attribute) {
        return groups.stream().filter(group -> group.model().equals(model) && group.attribute().equals(attribute))
                .mapToLong(Group::samples).max().orElse(0);
    }

    public static final Comparator<String> ATTRIBUTE_ORDER = Comparator
            .comparingInt((String attribute) -> {
                int index = PAPER_ATTRIBUTES.indexOf(attribute);
                return index < 0 ? PAPER_ATTRIBUTES.size() : index;
            })
            .thenComparing(Comparator.naturalOrder());
}
