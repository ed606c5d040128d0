package io.audiolens.producers.split;

import io.audiolens.schemas.Split;
import java.util.HashMap;
import java.util.Map;

/**
 * For a bounded set of clips: per attribute, the first {@code probeSize} clips asked for are PROBE, the
 * rest TEST. Asked in {@link IdHash#ORDER}, that makes the probe set the {@code probeSize} usable clips
 * with the smallest hashes: exactly {@code probeSize} of them whenever the attribute has that many,
 * whatever the listing order, and a clip that fails to decode hands its place to the next hash.
 */
public final class ProbeQuota implements SplitPolicy {

    public static final int DEFAULT_PROBE_SIZE = 100;

    private final int probeSize;
    private final Map<String, Integer> probesSoFar = new HashMap<>();

    public ProbeQuota(int probeSize) {
        if (probeSize < 0) {
            throw new IllegalArgumentException("probe size must be 0 or more, got " + probeSize);
        }
        this.probeSize = probeSize;
    }

    @Override
    public Split assign(String sampleId, String attribute) {
        int probes = probesSoFar.getOrDefault(attribute, 0);
        if (probes < probeSize) {
            probesSoFar.put(attribute, probes + 1);
            return Split.PROBE;
        }
        return Split.TEST;
    }
}
