package io.audiolens.app.run;

import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.View;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live progress on stderr, every two seconds: samples done / total, samples per second, and per
 * attribute the model's accuracy so far (view {@code last}, labelled samples, all prompt formats) and,
 * from the live aggregator, the critical layer of Table II.
 */
final class RunProgress {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final int total;
    private final LiveMetrics live;
    private final long start = System.nanoTime();
    private long lastPrint;

    RunProgress(int total, LiveMetrics live) {
        this.total = total;
        this.live = live;
    }

    void update(ProjectionCollector collector) {
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            System.err.println(line(Counts.of(collector)));
        }
    }

    /**
     * The last line, once the aggregator has counted every projection: its critical layers then match
     * the metrics.json the run writes (while samples stream in they may lag by a commit interval).
     */
    void finish(Counts counts) {
        System.err.println(line(counts) + " — done");
    }

    /**
     * What the run's own consumer has seen by {@code at} (System.nanoTime): samples done, samples the worker
     * rejected, accuracy per attribute.
     */
    record Counts(int done, int rejected, Map<String, long[]> accuracy, long at) {
        static Counts of(ProjectionCollector collector) {
            return new Counts(collector.done(), collector.rejectedCount(), accuracyByAttribute(collector), System.nanoTime());
        }
    }

    private String line(Counts counts) {
        double seconds = Math.max(1e-9, (counts.at() - start) / 1e9);
        StringBuilder out = new StringBuilder(String.format("[run] %d/%d samples, %.1f samples/s", counts.done(), total,
                counts.done() / seconds));
        if (counts.rejected() > 0) {
            out.append(", ").append(counts.rejected()).append(" rejected by the worker");
        }
        Map<String, String> critical = criticalLayers();
        counts.accuracy().forEach((attribute, acc) -> out.append(String.format(", %s accuracy %.1f%% (%d)%s",
                attribute, 100.0 * acc[0] / acc[1], acc[1], critical.getOrDefault(attribute, ""))));
        return out.toString();
    }

    private Map<String, String> criticalLayers() {
        Map<String, String> out = new TreeMap<>();
        live.fetch().ifPresent(doc -> doc.json().path("tableII").forEach(row -> out.put(row.path("attribute").asText(),
                row.path("criticalLayer").isNumber()
                        ? String.format(" critical layer %.2f", row.path("criticalLayer").asDouble()) : "")));
        return out;
    }

    private static Map<String, long[]> accuracyByAttribute(ProjectionCollector collector) {
        Map<String, long[]> counts = new TreeMap<>();
        for (LayerProjection p : collector.projections()) {
            if (p.getView() == View.LAST && p.getLabel() != null) {
                long[] c = counts.computeIfAbsent(p.getAttribute(), a -> new long[2]);
                c[0] += p.getModelPrediction().equals(p.getLabel()) ? 1 : 0;
                c[1]++;
            }
        }
        return counts;
    }
}
