package io.audiolens.producers.split;

import io.audiolens.schemas.Split;

/**
 * Chooses PROBE or TEST for a labelled clip whose source fixed no split. It is asked once per clip,
 * only after the clip decoded, in the order the producer publishes: by attribute, then smallest
 * {@link IdHash} first.
 */
@FunctionalInterface
public interface SplitPolicy {

    Split assign(String sampleId, String attribute);
}
