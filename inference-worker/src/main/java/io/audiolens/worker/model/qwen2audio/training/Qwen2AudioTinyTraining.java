package io.audiolens.worker.model.qwen2audio.training;

import io.audiolens.worker.model.api.training.LabelledClip;
import io.audiolens.worker.model.api.training.TinyTraining;
import io.audiolens.worker.model.api.training.TrainingSettings;
import io.audiolens.worker.model.api.training.TrainingSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** A tiny Qwen2-Audio trained from scratch by {@link TinyModelTrainer}, as the demo embeds it. */
public final class Qwen2AudioTinyTraining implements TinyTraining {

    /** What trains the bundled demo model (demo/audiolens-tiny) in about twenty minutes on two cores. */
    @Override
    public TrainingSettings defaults(long seed) {
        return new TrainingSettings(seed, 8, 1e-3f, 10, 5e-4f, 0.5f, 0.4f, 8, 30, TinyArchitecture.DEFAULT.shape());
    }

    /** Heads and feed-forward widths as {@link TinyArchitecture#of} fills them in for the settings' shape. */
    @Override
    public TrainingSummary train(TrainingSettings settings, List<LabelledClip> train, List<LabelledClip> heldOut,
            Path out, PrintStream progress, boolean redraw) throws IOException {
        return new TinyModelTrainer(settings, TinyArchitecture.of(settings.shape()), progress, redraw)
                .train(train, heldOut, out);
    }
}
