package io.audiolens.worker.model.common;

import static io.audiolens.worker.testing.TinyReference.elementwiseRelativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.llama.LlamaModel;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GPU precision (float16 weights and activations) on the CPU, where libtorch also computes in float16:
 * RMSNorm's statistics and the lens's logits are float32, so activations far beyond float16's square
 * root of its range neither overflow nor tie the labels.
 */
class Float16PrecisionTest {

    @Test
    void shouldNormaliseActivationsWhoseSquaresOverflowFloat16() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            float[] values = {1000, -2000, 3000, 500};
            NDArray x = m.create(values, new Shape(1, 4)).toType(DataType.FLOAT16, false);
            NDArray scale = m.ones(new Shape(4)).toType(DataType.FLOAT16, false);
            assertTrue(Float.isInfinite(x.square().mean().toType(DataType.FLOAT32, false).getFloat()),
                    "the float16 mean of squares overflows, which is why RMSNorm widens");
            float[] normed = RmsNorm.apply(x, scale, 1e-6).toType(DataType.FLOAT32, false).toFloatArray();
            double rms = Math.sqrt((1e6 + 4e6 + 9e6 + 0.25e6) / 4);
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i] / rms, normed[i], 1e-3, "element " + i); // float16 keeps ~3 digits
            }
        }
    }

    @Test
    void shouldGiveFiniteFloat32LogitsForAResidualScaledFarBeyondFloat16() {
        try (LlamaModel model = LlamaModel.load(TinyReference.folder("llama-tiny-d"), Device.cpu(), DataType.FLOAT16);
                NDManager m = model.newCallManager()) {
            NDArray h = model.decoder().fullForward(model.embed(m, new long[] {1, 2, 3}), new int[0], false, null)
                    .get(2).get("2:3"); // (1, D) float16
            NDArray logits = model.lensHead().logits(h);
            NDArray scaled = model.lensHead().logits(h.mul(m.create(2000f).toType(DataType.FLOAT16, false)));
            assertEquals(DataType.FLOAT32, logits.getDataType());
            assertTrue(!scaled.isInfinite().any().getBoolean() && !scaled.isNaN().any().getBoolean(),
                    "logits of a residual ×2000 are finite");
            float worst = scaled.sub(logits).abs().max().getFloat() / logits.abs().max().getFloat();
            assertTrue(worst < 5e-3, "logits differ by " + worst + " relative after scaling the residual");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2audio-tiny-a", "qwenaudio-tiny-a", "desta2-tiny-a"})
    void shouldReadAlmostTheSameLensInFloat16AsInFloat32(String fixture) throws Exception {
        float[] waveform = WavDecoder.decode(TinyReference.folder(fixture).resolve("audio.wav")).waveform();
        LensReport full = analyze(fixture, DataType.FLOAT32, waveform);
        LensReport half = analyze(fixture, DataType.FLOAT16, waveform);
        for (View view : View.values()) {
            double err = elementwiseRelativeError(half.view(view), full.view(view));
            assertTrue(err < 1e-2, view.id() + ": float16 vs float32 relative error " + err);
        }
        double enriched = elementwiseRelativeError(new float[][] {half.enrichment().get(0).finalProbs()},
                new float[][] {full.enrichment().get(0).finalProbs()});
        assertTrue(enriched < 1e-2, "enriched answer: float16 vs float32 relative error " + enriched);
    }

    private static LensReport analyze(String fixture, DataType type, float[] waveform) {
        try (LensRuntime runtime = LensRuntime.load(TinyReference.folder(fixture), Device.cpu(), type,
                LabelTokenMode.LEADING_SPACE);
                ClipSession clip = runtime.open(waveform)) {
            return clip.analyze(Attribute.ANIMAL, PromptFormat.P3, List.of(Enrichment.above(2, 3, 1.25)));
        }
    }
}
