package io.audiolens.app.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.enrichment.TargetOffset;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.RandomSourceLayer;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.ModelShape;
import io.audiolens.worker.model.api.RandomModels;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run, three measurements on the same model and clip, the first two as back-to-back pairs repeated: a plain forward pass (the clip's audio side,
 * DeSTA2's Whisper transcript included, then one pass of the prompt), the full AudioLens analysis (the
 * audio side, 3 views + 12 λ at one source layer + 5 random-layer seeds × 12 λ) with prefix reuse, and
 * the same analysis done the naive way (one full forward pass per variant). The model is a random-weight
 * one of a family, whose achieved GFLOP/s is reported next to a plain matmul's, or a folder given.
 */
final class ModelBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBenchmark.class);
    private static final int SEEDS = 5;
    private static final int SOURCE_LAYER = 3;

    /** A random-weight model of a family, of a given size. */
    record RandomModel(String family, RandomModels models, ModelShape shape) {}

    private final ModelLocation given;    // or null
    private final RandomModel random;     // or null
    private final double seconds;
    private final int repeats;
    private final ComputeDevice compute;

    private ModelBenchmark(ModelLocation given, RandomModel random, double seconds, int repeats, ComputeDevice compute) {
        this.given = given;
        this.random = random;
        this.seconds = seconds;
        this.repeats = repeats;
        this.compute = compute;
    }

    static ModelBenchmark of(RandomModel random, double seconds, int repeats, ComputeDevice compute) {
        return new ModelBenchmark(null, random, seconds, repeats, compute);
    }

    static ModelBenchmark of(ModelLocation model, double seconds, int repeats, ComputeDevice compute) {
        return new ModelBenchmark(model, null, seconds, repeats, compute);
    }

    Result run() throws Exception {
        Path folder = given != null ? given.folder() : Files.createTempDirectory("audiolens-bench-model");
        try {
            if (random != null) {
                random.models().writeRandom(folder, random.shape(), 7);
                LOG.info("model: random {}, width {}, {} decoder layers, {} encoder layers", random.family(),
                        random.shape().width(), random.shape().decoderLayers(), random.shape().encoderLayers());
            }
            return measure(given != null ? given : ModelLocation.folder(folder));
        } finally {
            if (random != null) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private Result measure(ModelLocation location) {
        float[] clip = SyntheticClip.chirp(seconds);
        try (LensRuntime runtime = LensRuntime.load(location, compute, LabelTokenMode.LEADING_SPACE)) {
            List<Enrichment> enrichments = enrichments(runtime.layers());
            LOG.info("model {} ({}); clip {} s; {} enriched variants; on {}", runtime.modelName(), runtime.family(),
                    seconds, enrichments.size(), compute);
            Attribute attribute = Attribute.ANIMAL;
            PromptFormat format = PromptFormat.P3;
            LensReport[] reports = new LensReport[2];
            timeOnce(() -> forward(runtime, clip, attribute, format)); // warm-up
            timeOnce(() -> reports[0] = analysis(runtime, clip, attribute, format, enrichments));
            // forward and analysis in pairs, one right after the other, so a slow moment of the machine hits
            // both sides of a pair's ratio: the ratio's median and spread over the pairs are what we report
            double[] forwards = new double[repeats];
            double[] analyses = new double[repeats];
            double[] ratios = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                forwards[i] = timeOnce(() -> forward(runtime, clip, attribute, format));
                analyses[i] = timeOnce(() -> reports[0] = analysis(runtime, clip, attribute, format, enrichments));
                ratios[i] = analyses[i] / forwards[i];
            }
            double forwardMs = median(forwards);
            double analysisMs = median(analyses);
            LOG.info("forward {} ms, analysis {} ms; now the naive way ({} full passes)", Math.round(forwardMs),
                    Math.round(analysisMs), enrichments.size() + 2);
            double naiveMs = timeOnce(() -> reports[1] = naive(runtime, clip, attribute, format, enrichments));
            int tokens = reports[0].promptTokens();
            Double forwardGflops = random == null ? null
                    : random.models().forwardFlops(random.shape(), clip.length, tokens) / forwardMs / 1e6;
            Double matmulGflops = random == null ? null : matmulGflops(tokens, random.shape().width());
            return new Result(runtime.modelName() + " (" + runtime.family() + (random != null ? ", random weights" : "")
                    + ")", compute.toString(), forwardMs, analysisMs, ratios, naiveMs, forwardGflops, matmulGflops,
                    tokens, enrichments.size(), maxDifference(reports[0], reports[1]));
        }
    }

    /**
     * 12 λ at one source layer, and 12 λ at each seed's random source layer, the target k layers above: the
     * paper's k = 5, or as much as a shallower model allows.
     */
    private static List<Enrichment> enrichments(int layers) {
        int offset = Math.min(TargetOffset.PAPER, layers - 1);
        List<Enrichment> all = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            all.add(Enrichment.above(Math.min(SOURCE_LAYER, layers - offset), offset, 0.25 * i));
        }
        for (int seed = 0; seed < SEEDS; seed++) {
            int source = RandomSourceLayer.draw(seed, "bench-clip", layers, offset);
            for (int i = 1; i <= 12; i++) {
                all.add(Enrichment.above(source, offset, 0.25 * i));
            }
        }
        return all;
    }

    private static float[] forward(LensRuntime runtime, float[] clip, Attribute a, PromptFormat f) {
        try (ClipSession session = runtime.open(clip)) {
            return session.forward(a, f);
        }
    }

    private static LensReport analysis(LensRuntime runtime, float[] clip, Attribute a, PromptFormat f, List<Enrichment> e) {
        try (ClipSession session = runtime.open(clip)) {
            return session.analyze(a, f, e);
        }
    }

    private static LensReport naive(LensRuntime runtime, float[] clip, Attribute a, PromptFormat f, List<Enrichment> e) {
        try (ClipSession session = runtime.open(clip)) {
            return session.analyzeNaive(a, f, e);
        }
    }

    /** GFLOP/s of (T, D)·(D, F) matmuls: the shape that dominates the decoder's forward pass. */
    private double matmulGflops(int tokens, int d) {
        int f = 3 * d;
        try (NDManager m = NDManager.newBaseManager(compute.device(), "PyTorch")) {
            NDArray x = m.randomNormal(new Shape(tokens, d)).toType(compute.dataType(), false);
            NDArray w = m.randomNormal(new Shape(d, f)).toType(compute.dataType(), false);
            int reps = 50;
            Supplier<Object> work = () -> {
                try (NDManager scope = m.newSubManager()) {
                    NDArray product = null;
                    for (int i = 0; i < reps; i++) {
                        product = x.matMul(w);
                        product.attach(scope);
                    }
                    return product.get(0, 0).toFloatArray(); // a GPU computes asynchronously: wait for the last product
                }
            };
            timeOnce(work::get);
            double[] times = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                times[i] = timeOnce(work::get);
            }
            return 2.0 * tokens * d * f * reps / median(times) / 1e6;
        }
    }

    /** The middle value; of an even count, the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double timeOnce(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Largest relative difference between the two ways' label probabilities (they must agree). */
    private static double maxDifference(LensReport fast, LensReport naive) {
        double worst = 0;
        for (View view : View.values()) {
            worst = Math.max(worst, Relative.max(fast.view(view), naive.view(view)));
        }
        for (int i = 0; i < fast.enrichment().size(); i++) {
            worst = Math.max(worst, Relative.max(new float[][] {fast.enrichment().get(i).finalProbs()},
                    new float[][] {naive.enrichment().get(i).finalProbs()}));
        }
        return worst;
    }

    /** GFLOP/s are null for a model given as a folder (its shape is not known here). */
    record Result(String model, String device, double forwardMs, double analysisMs, double[] ratios, double naiveMs,
            Double forwardGflops, Double matmulGflops, int promptTokens, int enrichedVariants,
            double maxRelativeDifference) {

        /** The median over the repetitions of analysis / forward, each pair timed back to back. */
        double analysisOverForward() {
            return median(ratios);
        }

        String toJson() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", model);
            o.put("device", device);
            o.put("forwardMs", forwardMs);
            o.put("analysisMs", analysisMs);
            o.put("naiveMs", naiveMs);
            o.put("repeats", ratios.length);
            o.put("analysisOverForward", analysisOverForward());
            o.put("analysisOverForwardMin", Arrays.stream(ratios).min().orElseThrow());
            o.put("analysisOverForwardMax", Arrays.stream(ratios).max().orElseThrow());
            Arrays.stream(ratios).forEach(o.putArray("analysisOverForwardRuns")::add);
            o.put("naiveOverAnalysis", naiveMs / analysisMs);
            o.put("forwardGflops", forwardGflops);
            o.put("matmulGflops", matmulGflops);
            o.put("promptTokens", promptTokens);
            o.put("enrichedVariants", enrichedVariants);
            o.put("maxRelativeDifferenceNaiveVsAnalysis", maxRelativeDifference);
            return o.toString();
        }

        String toText() {
            String gflops = forwardGflops == null ? ""
                    : String.format("   (%.1f GFLOP/s; plain matmul %.1f GFLOP/s)", forwardGflops, matmulGflops);
            return String.format("%s, on %s%n"
                    + "forward pass        %9.1f ms%s%n"
                    + "analysis (reuse)    %9.1f ms   = %.2f × forward (median of %d pairs; %.2f–%.2f)%n"
                    + "analysis (naive)    %9.1f ms   = %.1f × analysis%n"
                    + "%d prompt tokens, 3 views + %d enriched variants; naive vs reuse max rel. diff %.1e",
                    model, device, forwardMs, gflops, analysisMs, analysisOverForward(), ratios.length,
                    Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow(), naiveMs,
                    naiveMs / analysisMs, promptTokens, enrichedVariants, maxRelativeDifference);
        }
    }
}
