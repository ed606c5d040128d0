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
 * The HF transformers fixture {@code qwen2audio-tiny-a}: its folder, {@code reference.json} and the
 * arrays of {@code reference.npz} (see make_reference.py in shared/reference for their meaning).
 */
public final class TinyReference {
    public static final Path FOLDER = Path.of("src/test/resources/qwen2audio-tiny-a").toAbsolutePath();

    private TinyReference() {}

    public static JsonNode json() {
        try {
            return new ObjectMapper().readTree(FOLDER.resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All arrays of reference.npz, attached to {@code manager}; look them up with {@code get(name)}. */
    public static NDList arrays(NDManager manager) {
        try {
            return NDList.decode(manager, Files.readAllBytes(FOLDER.resolve("reference.npz")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
