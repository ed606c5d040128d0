package io.audiolens.worker.lens;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random-layer baseline of RQ5: for a seed and a sample, a source layer drawn uniformly from
 * {@code 1..L−k} (k: the request's target offset), the same on every machine and every replay (FNV-1a of
 * the sample id, mixed with the seed).
 */
public final class RandomSourceLayer {
    private RandomSourceLayer() {}

    public static int draw(long seed, String sampleId, int layers, int targetOffset) {
        int highest = layers - targetOffset;
        if (highest < 1) {
            throw new IllegalArgumentException("a model with " + layers + " layers has no source layer l with l+"
                    + targetOffset + " <= L");
        }
        long hash = 0xcbf29ce484222325L;
        for (byte b : sampleId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return 1 + new SplittableRandom(hash ^ (seed * 0x9E3779B97F4A7C15L)).nextInt(highest);
    }
}
