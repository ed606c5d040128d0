package io.audiolens.worker.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference fixtures under {@code src/test/resources} (see shared/reference/README.md for what each
 * array means): a fixture's folder, {@code reference.json} and the arrays of {@code reference.npz}, and
 * the error measures the parity tests use. Without a name, {@code qwen2audio-tiny-a} (HF transformers).
 */
public final class TinyReference {
    public static final Path FOLDER = folder("qwen2audio-tiny-a");

    private TinyReference() {}

    public static Path folder(String fixture) {
        return Path.of("src/test/resources", fixture).toAbsolutePath();
    }

    public static JsonNode json() {
        return json("qwen2audio-tiny-a");
    }

    public static JsonNode json(String fixture) {
        try {
            return new ObjectMapper().readTree(folder(fixture).resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All arrays of reference.npz, attached to {@code manager}; look them up with {@code get(name)}. */
    public static NDList arrays(NDManager manager) {
        return arrays("qwen2audio-tiny-a", manager);
    }

    public static NDList arrays(String fixture, NDManager manager) {
        try {
            return NDList.decode(manager, Files.readAllBytes(folder(fixture).resolve("reference.npz")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full-vocabulary softmax of a logit vector, in double, read at {@code ids}. */
    public static float[] labelSoftmax(NDArray logits, int[] ids) {
        float[] z = logits.toFloatArray();
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v - max);
        }
        float[] out = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (float) (Math.exp(z[ids[i]] - max) / sum);
        }
        return out;
    }

    /** max |a − b| / max |b|: a relative error that tolerates the fixture's tiny probabilities. */
    public static double relativeError(NDArray actual, NDArray expected) {
        double scale = expected.abs().max().getFloat();
        return actual.sub(expected).abs().max().getFloat() / scale;
    }

    /** Same for Java float rows [R][C] against an (R, C) array. */
    public static double relativeError(float[][] actual, NDArray expected) {
        float[] flat = new float[actual.length * actual[0].length];
        for (int r = 0; r < actual.length; r++) {
            System.arraycopy(actual[r], 0, flat, r * actual[r].length, actual[r].length);
        }
        return relativeError(expected.getManager().create(flat, expected.getShape()), expected);
    }

    /** max over elements of |a − b| / |b|, for probabilities of similar size. */
    public static double elementwiseRelativeError(float[][] actual, float[][] expected) {
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                worst = Math.max(worst, Math.abs(actual[r][c] - expected[r][c]) / Math.abs(expected[r][c]));
            }
        }
        return worst;
    }

    /** An (R, C) array as Java rows. */
    public static float[][] rows(NDArray matrix) {
        int columns = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[flat.length / columns][columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(flat, r * columns, rows[r], 0, columns);
        }
        return rows;
    }
}
