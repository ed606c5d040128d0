package io.audiolens.producers.publish;

import io.audiolens.schemas.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did. Every listed clip is either sent or rejected; {@code failed} are records (samples or
 * dead letters) the broker did not acknowledge, which a re-run sends again.
 *
 * @param sentBySplit per attribute, samples acknowledged per split
 * @param rejected clips dead-lettered, with why
 * @param cut samples sent cut to 30 s
 * @param converted samples sent resampled to 16 kHz or mixed down to mono
 */
public record ProduceSummary(Map<String, Map<Split, Long>> sentBySplit, List<Rejection> rejected, long cut,
        long converted, List<Rejection> failed) {

    public ProduceSummary {
        TreeMap<String, Map<Split, Long>> copy = new TreeMap<>();
        sentBySplit.forEach((attribute, splits) -> copy.put(attribute, Map.copyOf(splits)));
        sentBySplit = Collections.unmodifiableMap(copy);
        rejected = List.copyOf(rejected);
        failed = List.copyOf(failed);
    }

    public static ProduceSummary empty() {
        return new ProduceSummary(Map.of(), List.of(), 0, 0, List.of());
    }

    public long sent() {
        return sentBySplit.values().stream().flatMap(splits -> splits.values().stream()).mapToLong(n -> n).sum();
    }

    public long sent(String attribute, Split split) {
        return sentBySplit.getOrDefault(attribute, Map.of()).getOrDefault(split, 0L);
    }

    /** This run followed by {@code later}. */
    public ProduceSummary plus(ProduceSummary later) {
        Map<String, Map<Split, Long>> sent = new TreeMap<>();
        for (ProduceSummary part : List.of(this, later)) {
            part.sentBySplit.forEach((attribute, splits) -> splits.forEach((split, n) ->
                    sent.computeIfAbsent(attribute, a -> new TreeMap<>()).merge(split, n, Long::sum)));
        }
        return new ProduceSummary(sent, concat(rejected, later.rejected), cut + later.cut,
                converted + later.converted, concat(failed, later.failed));
    }

    /** A few lines for people: counts, then each rejection and failure with its reason. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d sent, %d rejected, %d cut to 30 s, %d converted to 16 kHz mono, %d not acknowledged%n",
                sent(), rejected.size(), cut, converted, failed.size()));
        sentBySplit.forEach((attribute, splits) -> {
            text.append(String.format(Locale.ROOT, "  %s: %d probe, %d test, %d unlabelled%n", attribute,
                    sent(attribute, Split.PROBE), sent(attribute, Split.TEST), sent(attribute, Split.UNLABELLED)));
            if (sent(attribute, Split.PROBE) > 0 && sent(attribute, Split.TEST) == 0) {
                text.append("    no TEST clips for ").append(attribute).append(": lower --probe-size\n");
            }
        });
        rejected.forEach(r -> text.append("  rejected ").append(r).append('\n'));
        failed.forEach(r -> text.append("  not acknowledged ").append(r).append('\n'));
        return text.toString();
    }

    private static List<Rejection> concat(List<Rejection> first, List<Rejection> second) {
        List<Rejection> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
