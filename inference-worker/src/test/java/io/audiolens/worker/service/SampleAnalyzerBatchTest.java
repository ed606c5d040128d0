package io.audiolens.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.testing.TinyReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker that batches clips writes what one that does not writes: six samples of five lengths, one of
 * them unreadable, through batches of 4 (so a batch of 4 and one of 2, clips reordered by length) against
 * one clip at a time: the same rejection, the same projections in the same order, every layer's
 * probabilities within 1e-5 of the largest.
 */
class SampleAnalyzerBatchTest {
    private static final String FIXTURE = "qwen2audio-tiny-a";
    private static final List<AudioSample> SAMPLES = samples();
    private static LensRuntime runtime;
    private static WorkerSettings one;
    /** Every sample one clip at a time: what each test compares against. */
    private static List<SampleAnalyzer.Analysis> alone;

    @BeforeAll
    static void analyzeEachClipAlone() {
        Path folder = TinyReference.folder(FIXTURE);
        runtime = LensRuntime.load(folder, Device.cpu(), DataType.FLOAT32, LabelTokenMode.LEADING_SPACE);
        one = new WorkerSettings(null, null, folder, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE,
                List.of(PromptFormat.values()), List.of(View.values()), "batch-test", WorkerSettings.DEFAULT_GROUP, 1);
        alone = new SampleAnalyzer(runtime, one).analyzeAll(SAMPLES);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void shouldWriteWhatOneClipAtATimeWritesWhateverTheBatchSize() {
        List<SampleAnalyzer.Analysis> batched = new SampleAnalyzer(runtime, one.withBatchSize(4)).analyzeAll(SAMPLES);
        assertSameAnalyses(batched, 1e-5);
        assertTrue(alone.get(3).rejection().contains("8000 Hz"), alone.get(3).rejection());
        assertEquals(5 * 3 * 3, alone.stream().mapToInt(a -> a.projections().size()).sum(), "5 samples × 3 prompts × 3 views");
    }

    /** A batch the device cannot take (out of memory, say) runs prompt by prompt: slower, the same numbers. */
    @Test
    void shouldRunAFailedBatchOnePromptAtATime() {
        AtomicInteger refused = new AtomicInteger();
        List<SampleAnalyzer.Analysis> fellBack = new SampleAnalyzer(runtime, one.withBatchSize(4), requests -> {
            if (requests.size() > 1) {
                refused.incrementAndGet();
                throw new EngineException("CUDA out of memory (refused by the test for a batch of "
                        + requests.size() + ")");
            }
            return runtime.analyze(requests);
        }).analyzeAll(SAMPLES);
        // 2 batches (3 readable clips of the first 4, sorted by length, then 2) × 3 prompt formats
        assertEquals(6, refused.get(), "every batch of more than one prompt was tried first");
        assertSameAnalyses(fellBack, 0);
    }

    private static List<AudioSample> samples() {
        Attribute attribute = Attribute.named(TinyReference.json(FIXTURE).path("attribute").asText());
        List<AudioSample> samples = new ArrayList<>();
        double[] seconds = {2.4, 1.0, 1.7, 1.0, 3.1, 2.0};
        for (int i = 0; i < seconds.length; i++) {
            String label = attribute.labels().get(i % attribute.labels().size());
            samples.add(WorkerOutputs.sample("s" + i, attribute.name(), label, pcm(seconds[i], i)));
        }
        samples.get(3).setSampleRate(8000); // rejected either way
        return samples;
    }

    /** The same rejections and projections in the same order, every probability within {@code relative}. */
    private static void assertSameAnalyses(List<SampleAnalyzer.Analysis> other, double relative) {
        for (int i = 0; i < SAMPLES.size(); i++) {
            assertEquals(alone.get(i).rejection(), other.get(i).rejection(), "sample " + i);
            List<LayerProjection> a = alone.get(i).projections();
            List<LayerProjection> b = other.get(i).projections();
            assertEquals(a.size(), b.size(), "sample " + i + "'s projections");
            for (int p = 0; p < a.size(); p++) {
                String what = "sample " + i + ", " + a.get(p).getPrompt() + " " + a.get(p).getView();
                assertEquals(a.get(p).getPrompt(), b.get(p).getPrompt(), what);
                assertEquals(a.get(p).getView(), b.get(p).getView(), what);
                assertEquals(a.get(p).getModelPrediction(), b.get(p).getModelPrediction(), what);
                assertWithin(what, b.get(p).getLayerProbs(), a.get(p).getLayerProbs(), relative);
            }
        }
    }

    private static void assertWithin(String what, List<List<Double>> actual, List<List<Double>> expected,
            double relative) {
        double diff = 0;
        double scale = 0;
        for (int l = 0; l < expected.size(); l++) {
            for (int y = 0; y < expected.get(l).size(); y++) {
                diff = Math.max(diff, Math.abs(actual.get(l).get(y) - expected.get(l).get(y)));
                scale = Math.max(scale, Math.abs(expected.get(l).get(y)));
            }
        }
        assertTrue(diff <= relative * scale, what + ": relative error " + diff / scale);
    }

    private static short[] pcm(double seconds, long seed) {
        Random random = new Random(seed);
        short[] pcm = new short[(int) Math.round(seconds * 16_000)];
        for (int i = 0; i < pcm.length; i++) {
            double t = i / 16_000.0;
            pcm[i] = (short) (9000 * Math.sin(2 * Math.PI * (150 + 50 * seed) * t) + 800 * random.nextGaussian());
        }
        return pcm;
    }
}
