package io.audiolens.worker.model.api.training;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a training run did: the mean loss of each encoder warm-up epoch and of each answer epoch, the
 * held-out accuracy after the last one, over all clips and per source (the file name up to its first "_",
 * the engine in a speech set of tools/make-speech-set.sh), and how long it took (feature extraction included).
 */
public record TrainingSummary(List<Double> encoderEpochLosses, List<Double> epochLosses, HeldOutAccuracy heldOut,
        SortedMap<String, HeldOutAccuracy> heldOutBySource, Duration elapsed) {

    public TrainingSummary {
        encoderEpochLosses = List.copyOf(encoderEpochLosses);
        epochLosses = List.copyOf(epochLosses);
        heldOutBySource = Collections.unmodifiableSortedMap(new TreeMap<>(heldOutBySource));
    }
}
