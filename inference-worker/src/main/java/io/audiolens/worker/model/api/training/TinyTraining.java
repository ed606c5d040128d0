package io.audiolens.worker.model.api.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a family that can train a tiny model of its own from labelled clips offers {@code train-tiny}: a model
 * that answers the AudioLens prompts (P1–P3), trained from scratch, written as a checkpoint folder of the
 * family that {@code ModelFamilies.load} reads back.
 */
public interface TinyTraining {

    /** The recipe and shape the family trains its tiny model with unless told otherwise, for {@code seed}. */
    TrainingSettings defaults(long seed);

    /**
     * Trains on {@code train}, reports progress and the held-out accuracy after every epoch on {@code progress}
     * (with {@code redraw}, the bar within an epoch is redrawn in place, for a terminal; else plain lines, for a
     * log), and writes the model into {@code out}. Everything random follows the settings' seed: the same
     * settings and clips give the same weights on the same machine.
     */
    TrainingSummary train(TrainingSettings settings, List<LabelledClip> train, List<LabelledClip> heldOut, Path out,
            PrintStream progress, boolean redraw) throws IOException;
}
