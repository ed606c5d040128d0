package io.audiolens.worker.model.qwen2audio.training;

import java.time.Duration;
import java.util.List;

/**
 * What a training run did: the mean loss of each encoder warm-up epoch and of each answer epoch, the
 * held-out accuracy after the last one, and how long it took (feature extraction included).
 */
public record TrainingSummary(List<Double> encoderEpochLosses, List<Double> epochLosses, HeldOutAccuracy heldOut,
        Duration elapsed) {

    public TrainingSummary {
        encoderEpochLosses = List.copyOf(encoderEpochLosses);
        epochLosses = List.copyOf(epochLosses);
    }
}
