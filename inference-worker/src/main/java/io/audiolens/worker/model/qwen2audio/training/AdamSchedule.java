package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.audiolens.worker.model.api.training.TrainingSettings;

/** The optimiser of one training stage. */
final class AdamSchedule {
    private AdamSchedule() {}

    /**
     * Adam with a linear warm-up of the settings' warm-up updates (at most half the stage) to {@code rate},
     * then cosine decay to a tenth of it at the stage's last update; one update per clips-per-update clips.
     */
    static Optimizer of(TrainingSettings settings, float rate, int epochs, int clips) {
        int updates = epochs * ((clips + settings.clipsPerUpdate() - 1) / settings.clipsPerUpdate());
        int warmup = Math.min(settings.warmupUpdates(), updates / 2);
        Tracker cosine = Tracker.cosine().setBaseValue(rate).optFinalValue(rate / 10)
                .setMaxUpdates(Math.max(1, updates - warmup)).build();
        Tracker schedule = warmup == 0 ? cosine : Tracker.warmUp().optWarmUpSteps(warmup).setMainTracker(cosine).build();
        return Optimizer.adam().optLearningRateTracker(schedule).build();
    }
}
