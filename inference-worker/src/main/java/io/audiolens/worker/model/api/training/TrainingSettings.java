package io.audiolens.worker.model.api.training;

/**
 * How a tiny model is trained ({@link TinyTraining}): {@code encoderEpochs} of warming up the audio encoder
 * alone at {@code encoderLearningRate}, then {@code epochs} of the whole model on the answers at
 * {@code learningRate}, with the late-answer term (which pulls the lens readings of the lower half of the
 * decoder layers towards uniform) weighted by {@code lateAnswerWeight} (0: off). Every clip is heard with
 * another voice and tempo each time, and with probability {@code channelAugmentation} through another
 * channel as well (filter, room, noise). Each stage runs Adam with a linear warm-up of
 * {@code warmupUpdates}, cosine-decayed to a tenth by its last update; one update per
 * {@code clipsPerUpdate} clips (gradients accumulate in between). The model has the given {@code shape}.
 */
public record TrainingSettings(long seed, int encoderEpochs, float encoderLearningRate, int epochs,
        float learningRate, float lateAnswerWeight, float channelAugmentation, int clipsPerUpdate, int warmupUpdates,
        TinyShape shape) {

    public TrainingSettings {
        if (encoderEpochs < 0 || epochs < 1 || clipsPerUpdate < 1 || warmupUpdates < 0 || !(learningRate > 0)
                || !(encoderLearningRate > 0) || !(lateAnswerWeight >= 0)
                || !(channelAugmentation >= 0 && channelAugmentation <= 1)) {
            throw new IllegalArgumentException("training needs encoder epochs ≥ 0, epochs ≥ 1, clips per update ≥ 1,"
                    + " warm-up ≥ 0, positive learning rates, a late-answer weight ≥ 0 and a channel-augmentation"
                    + " probability in [0, 1]; got "
                    + "encoder epochs " + encoderEpochs + ", epochs " + epochs + ", clips per update " + clipsPerUpdate
                    + ", warm-up " + warmupUpdates + ", learning rates " + encoderLearningRate + " and " + learningRate
                    + ", late-answer weight " + lateAnswerWeight + ", channel augmentation " + channelAugmentation);
        }
        if (lateAnswerWeight > 0 && shape.decoderLayers() < 2) {
            throw new IllegalArgumentException("the late-answer term works on the lower half of the decoder layers: it needs"
                    + " at least 2 of them (got " + shape.decoderLayers() + "); set the late-answer weight to 0");
        }
    }
}
