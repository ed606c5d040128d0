package io.audiolens.worker.lens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.TinyReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prompts of several clips read together give each clip what it gets alone: for every audio family, three
 * clips of different lengths (so prompts of different lengths, padded in the batch) times P1–P3 in one
 * batch, against each clip's own {@link ClipSession#analyze}: every view at every layer within 1e-5
 * relative, the same prediction and prompt length.
 */
class PromptBatchTest {
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldGiveEachClipOfABatchWhatItGetsAlone(String fixture) {
        Attribute attribute = Attribute.named(TinyReference.json(fixture).path("attribute").asText());
        List<ClipSession> clips = new ArrayList<>();
        try (LensRuntime runtime = LensRuntime.load(TinyReference.folder(fixture), Device.cpu(), DataType.FLOAT32,
                LabelTokenMode.LEADING_SPACE)) {
            try {
                for (double seconds : new double[] {1.0, 2.7, 1.6}) {
                    clips.add(runtime.open(waveform(seconds, clips.size())));
                }
                List<PromptRequest> requests = new ArrayList<>();
                for (ClipSession clip : clips) {
                    for (PromptFormat format : PromptFormat.values()) {
                        requests.add(new PromptRequest(clip, attribute, format));
                    }
                }
                List<LensReport> together = runtime.analyze(requests);
                Set<Integer> lengths = together.stream().map(LensReport::promptTokens).collect(Collectors.toSet());
                assertTrue(lengths.size() > 2, "prompts of several lengths, so some are padded: " + lengths);
                for (int i = 0; i < requests.size(); i++) {
                    PromptRequest r = requests.get(i);
                    LensReport alone = r.clip().analyze(r.attribute(), r.format(), List.of());
                    String what = fixture + ", clip " + i / 3 + ", " + r.format();
                    assertEquals(alone.promptTokens(), together.get(i).promptTokens(), what);
                    assertEquals(alone.prediction(), together.get(i).prediction(), what);
                    assertArrayEquals(alone.labelTokenIds(), together.get(i).labelTokenIds(), what);
                    for (View view : View.values()) {
                        float[][] a = alone.view(view);
                        float[][] b = together.get(i).view(view);
                        for (int l = 0; l < a.length; l++) {
                            double err = relativeError(b[l], a[l]);
                            assertTrue(err <= TOLERANCE, what + ", " + view.id() + ", layer " + (l + 1)
                                    + ": relative error " + err);
                        }
                    }
                }
            } finally {
                clips.forEach(ClipSession::close);
            }
        }
    }

    /**
     * The edges of a batch: a batch of one (a poll of one record) and a batch of prompts of one length (no
     * padding at all) give what the prompt gets alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldGiveABatchOfOneAndABatchWithoutPaddingWhatEachGetsAlone(String fixture) {
        Attribute attribute = Attribute.named(TinyReference.json(fixture).path("attribute").asText());
        try (LensRuntime runtime = LensRuntime.load(TinyReference.folder(fixture), Device.cpu(), DataType.FLOAT32,
                LabelTokenMode.LEADING_SPACE);
                ClipSession clip = runtime.open(waveform(1.3, 7))) {
            LensReport alone = clip.analyze(attribute, PromptFormat.P2, List.of());
            PromptRequest request = new PromptRequest(clip, attribute, PromptFormat.P2);
            List<LensReport> one = runtime.analyze(List.of(request));
            List<LensReport> same = runtime.analyze(List.of(request, request, request));
            for (LensReport report : List.of(one.get(0), same.get(0), same.get(1), same.get(2))) {
                for (View view : View.values()) {
                    for (int l = 0; l < alone.layers(); l++) {
                        double err = relativeError(report.view(view)[l], alone.view(view)[l]);
                        assertTrue(err <= TOLERANCE, fixture + ", " + view.id() + ", layer " + (l + 1) + ": " + err);
                    }
                }
            }
        }
    }

    /** max |a − b| / max |b| */
    private static double relativeError(float[] actual, float[] expected) {
        double diff = 0;
        double scale = 0;
        for (int y = 0; y < expected.length; y++) {
            diff = Math.max(diff, Math.abs(actual[y] - expected[y]));
            scale = Math.max(scale, Math.abs(expected[y]));
        }
        return diff / scale;
    }

    /** A chirp in noise, different per clip, at 16 kHz. */
    private static float[] waveform(double seconds, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) Math.round(seconds * 16_000)];
        double frequency = 180 + 60 * seed;
        for (int i = 0; i < samples.length; i++) {
            double t = i / 16_000.0;
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * (frequency + 40 * t) * t) + 0.05 * random.nextGaussian());
        }
        return samples;
    }
}
