package io.audiolens.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.service.SampleAnalyzer;
import io.audiolens.worker.service.WorkerSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The worker's analysis of a set of clips (the model's work per poll, without the broker) at several batch
 * sizes: every size runs every clip once per pass, in polls of the size the worker would take, in the order
 * given (a batch forms within a poll, as in the worker); the passes interleave the sizes so that a machine's
 * drift touches all alike, and each size's clips/s is the median over the passes.
 */
final class WorkerBenchmark {

    private WorkerBenchmark() {
    }

    static Result run(LensRuntime runtime, WorkerSettings settings, String device, List<AudioSample> samples,
            List<Integer> batchSizes, int repeats, Consumer<String> progress) {
        Map<Integer, SampleAnalyzer> analyzers = new LinkedHashMap<>();
        batchSizes.forEach(b -> analyzers.put(b, new SampleAnalyzer(runtime, settings.withBatchSize(b))));
        progress.accept("warming up on " + Math.min(2, samples.size()) + " clips");
        analyzers.get(1).analyzeAll(samples.subList(0, Math.min(2, samples.size())));
        Map<Integer, double[]> clipsPerSecond = new LinkedHashMap<>();
        batchSizes.forEach(b -> clipsPerSecond.put(b, new double[repeats]));
        Map<Integer, List<SampleAnalyzer.Analysis>> lastPass = new LinkedHashMap<>();
        for (int r = 0; r < repeats; r++) {
            for (int b : batchSizes) {
                long start = System.nanoTime();
                lastPass.put(b, asPolled(analyzers.get(b), samples, settings.withBatchSize(b).recordsPerPoll()));
                double seconds = (System.nanoTime() - start) / 1e9;
                clipsPerSecond.get(b)[r] = samples.size() / seconds;
                progress.accept(String.format("pass %d/%d, batch %d: %.2f clips/s", r + 1, repeats, b,
                        clipsPerSecond.get(b)[r]));
            }
        }
        List<SampleAnalyzer.Analysis> alone = lastPass.get(1);
        int projections = alone.stream().mapToInt(a -> a.projections().size()).sum();
        int rejected = (int) alone.stream().filter(a -> a.rejection() != null).count();
        List<Row> rows = new ArrayList<>();
        for (int b : batchSizes) {
            rows.add(new Row(b, ModelBenchmark.median(clipsPerSecond.get(b)), clipsPerSecond.get(b),
                    maxDifference(lastPass.get(b), alone)));
        }
        return new Result(runtime.modelName() + " (" + runtime.family() + ")", device, samples.size(), rejected, projections / (double) samples.size(),
                repeats, rows);
    }

    /** As the worker meets the clips: polls of {@code perPoll} in their order, each analysed on its own. */
    private static List<SampleAnalyzer.Analysis> asPolled(SampleAnalyzer analyzer, List<AudioSample> samples, int perPoll) {
        List<SampleAnalyzer.Analysis> analyses = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += perPoll) {
            analyses.addAll(analyzer.analyzeAll(samples.subList(from, Math.min(samples.size(), from + perPoll))));
        }
        return analyses;
    }

    /** Largest difference between two passes' probabilities, relative to the largest probability of each projection. */
    private static double maxDifference(List<SampleAnalyzer.Analysis> batched, List<SampleAnalyzer.Analysis> alone) {
        double worst = 0;
        for (int i = 0; i < alone.size(); i++) {
            List<LayerProjection> a = alone.get(i).projections();
            List<LayerProjection> b = batched.get(i).projections();
            if (a.size() != b.size()) {
                throw new IllegalStateException("sample " + i + ": " + b.size() + " projections batched, " + a.size()
                        + " alone");
            }
            for (int p = 0; p < a.size(); p++) {
                double diff = 0;
                double scale = 0;
                List<List<Double>> x = a.get(p).getLayerProbs();
                List<List<Double>> y = b.get(p).getLayerProbs();
                for (int l = 0; l < x.size(); l++) {
                    for (int k = 0; k < x.get(l).size(); k++) {
                        diff = Math.max(diff, Math.abs(x.get(l).get(k) - y.get(l).get(k)));
                        scale = Math.max(scale, Math.abs(x.get(l).get(k)));
                    }
                }
                worst = Math.max(worst, scale == 0 ? diff : diff / scale);
            }
        }
        return worst;
    }

    /** One batch size: the median clips/s, each pass's, and how far its projections are from batch 1's. */
    record Row(int batchSize, double clipsPerSecond, double[] passes, double maxRelativeDifference) {}

    record Result(String model, String device, int clips, int rejected, double projectionsPerClip, int repeats,
            List<Row> rows) {

        Row batch1() {
            return rows.get(0);
        }

        Row best() {
            Row best = rows.get(0);
            for (Row row : rows) {
                if (row.clipsPerSecond() > best.clipsPerSecond()) {
                    best = row;
                }
            }
            return best;
        }

        String toJson() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", model);
            o.put("device", device);
            o.put("clips", clips);
            o.put("rejected", rejected);
            o.put("projectionsPerClip", projectionsPerClip);
            o.put("repeats", repeats);
            o.put("clipsPerSecondBatch1", batch1().clipsPerSecond());
            o.put("projectionsPerSecondBatch1", batch1().clipsPerSecond() * projectionsPerClip);
            o.put("clipsPerSecondBest", best().clipsPerSecond());
            o.put("projectionsPerSecondBest", best().clipsPerSecond() * projectionsPerClip);
            o.put("bestBatch", best().batchSize());
            o.put("bestOverBatch1", best().clipsPerSecond() / batch1().clipsPerSecond());
            ObjectNode sizes = o.putObject("batches");
            for (Row row : rows) {
                ObjectNode r = sizes.putObject(Integer.toString(row.batchSize()));
                r.put("clipsPerSecond", row.clipsPerSecond());
                r.put("projectionsPerSecond", row.clipsPerSecond() * projectionsPerClip);
                Arrays.stream(row.passes()).forEach(r.putArray("clipsPerSecondPasses")::add);
                r.put("maxRelativeDifferenceVsBatch1", row.maxRelativeDifference());
            }
            return o.toString();
        }

        String toText() {
            StringBuilder text = new StringBuilder(String.format("%s, on %s: %d clips (%d rejected), %.0f projections per"
                    + " clip; median of %d passes%n", model, device, clips, rejected, projectionsPerClip, repeats));
            text.append(String.format("batch   clips/s   projections/s   × batch 1   max rel. diff vs batch 1%n"));
            for (Row row : rows) {
                text.append(String.format("%5d  %8.2f   %13.1f   %9.2f   %.1e%n", row.batchSize(), row.clipsPerSecond(),
                        row.clipsPerSecond() * projectionsPerClip, row.clipsPerSecond() / batch1().clipsPerSecond(),
                        row.maxRelativeDifference()));
            }
            text.append(String.format("best: batch %d, %.2f × batch 1", best().batchSize(),
                    best().clipsPerSecond() / batch1().clipsPerSecond()));
            return text.toString();
        }
    }
}
