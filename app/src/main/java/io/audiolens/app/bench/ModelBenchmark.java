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
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.api.ModelShape;
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
 * One run, three measurements on the same random-weight model of one family and the same clip: a plain
 * forward pass, the full AudioLens analysis (3 views + 12 λ at one source layer + 5 random-layer seeds ×
 * 12 λ) with prefix reuse, and the same analysis done the naive way (one full forward pass per variant).
 * Also the achieved GFLOP/s of the forward pass next to a plain matmul's, measured in the same process.
 */
final class ModelBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBenchmark.class);
    private static final int SEEDS = 5;
    private static final int SOURCE_LAYER = 3;

    private final ModelFamily family;
    private final ModelShape shape;
    private final double seconds;
    private final int repeats;
    private final ComputeDevice compute;

    ModelBenchmark(ModelFamily family, ModelShape shape, double seconds, int repeats, ComputeDevice compute) {
        this.family = family;
        this.shape = shape;
        this.seconds = seconds;
        this.repeats = repeats;
        this.compute = compute;
    }

    Result run() throws Exception {
        Path folder = Files.createTempDirectory("audiolens-bench-model");
        family.writeRandom(folder, shape, 7);
        float[] clip = SyntheticClip.chirp(seconds);
        List<Enrichment> enrichments = enrichments();
        LOG.info("model: {}, width {}, {} decoder layers, {} encoder layers; clip {} s; {} enriched variants; on {}",
                family.id(), shape.width(), shape.decoderLayers(), shape.encoderLayers(), seconds, enrichments.size(), compute);
        try (LensRuntime runtime = LensRuntime.load(ModelLocation.folder(folder), compute, LabelTokenMode.LEADING_SPACE)) {
            Attribute attribute = Attribute.ANIMAL;
            PromptFormat format = PromptFormat.P3;
            LensReport[] reports = new LensReport[2];
            timeOnce(() -> forward(runtime, clip, attribute, format)); // warm-up
            timeOnce(() -> reports[0] = analysis(runtime, clip, attribute, format, enrichments));
            double forwardMs = median(() -> forward(runtime, clip, attribute, format));
            double analysisMs = median(() -> reports[0] = analysis(runtime, clip, attribute, format, enrichments));
            LOG.info("forward {} ms, analysis {} ms; now the naive way ({} full passes)", Math.round(forwardMs),
                    Math.round(analysisMs), enrichments.size() + 2);
            double naiveMs = timeOnce(() -> reports[1] = naive(runtime, clip, attribute, format, enrichments));
            double flops = family.forwardFlops(shape, clip.length, reports[0].promptTokens());
            return new Result(family.id(), compute.toString(), forwardMs, analysisMs, naiveMs, flops / forwardMs / 1e6, matmulGflops(reports[0].promptTokens()),
                    reports[0].promptTokens(), enrichments.size(), maxDifference(reports[0], reports[1]));
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private List<Enrichment> enrichments() {
        List<Enrichment> all = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            all.add(Enrichment.above(SOURCE_LAYER, TargetOffset.PAPER, 0.25 * i));
        }
        for (int seed = 0; seed < SEEDS; seed++) {
            int source = RandomSourceLayer.draw(seed, "bench-clip", shape.decoderLayers(), TargetOffset.PAPER);
            for (int i = 1; i <= 12; i++) {
                all.add(Enrichment.above(source, TargetOffset.PAPER, 0.25 * i));
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
    private double matmulGflops(int tokens) {
        int d = shape.width();
        int f = 3 * shape.width();
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
            double ms = median(work::get);
            return 2.0 * tokens * d * f * reps / ms / 1e6;
        }
    }

    private double median(Runnable work) {
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            times[i] = timeOnce(work);
        }
        Arrays.sort(times);
        return times[repeats / 2];
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

    record Result(String family, String device, double forwardMs, double analysisMs, double naiveMs, double forwardGflops, double matmulGflops,
            int promptTokens, int enrichedVariants, double maxRelativeDifference) {

        String toJson() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("family", family);
            o.put("device", device);
            o.put("forwardMs", forwardMs);
            o.put("analysisMs", analysisMs);
            o.put("naiveMs", naiveMs);
            o.put("analysisOverForward", analysisMs / forwardMs);
            o.put("naiveOverAnalysis", naiveMs / analysisMs);
            o.put("forwardGflops", forwardGflops);
            o.put("matmulGflops", matmulGflops);
            o.put("promptTokens", promptTokens);
            o.put("enrichedVariants", enrichedVariants);
            o.put("maxRelativeDifferenceNaiveVsAnalysis", maxRelativeDifference);
            return o.toString();
        }

        String toText() {
            return String.format("%s, random weights, on %s%n"
                    + "forward pass        %9.1f ms   (%.1f GFLOP/s; plain matmul %.1f GFLOP/s)%n"
                    + "analysis (reuse)    %9.1f ms   = %.2f × forward%n"
                    + "analysis (naive)    %9.1f ms   = %.1f × analysis%n"
                    + "%d prompt tokens, 3 views + %d enriched variants; naive vs reuse max rel. diff %.1e",
                    family, device, forwardMs, forwardGflops, matmulGflops, analysisMs, analysisMs / forwardMs, naiveMs,
                    naiveMs / analysisMs, promptTokens, enrichedVariants, maxRelativeDifference);
        }
    }
}
