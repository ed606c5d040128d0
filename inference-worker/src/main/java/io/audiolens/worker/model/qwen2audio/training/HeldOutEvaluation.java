package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.model.qwen2audio.training.AnswerObjective.Question;
import java.util.ArrayList;
import java.util.List;

/** The model's own answers on held-out clips, as training reports them after every epoch. */
final class HeldOutEvaluation {
    private HeldOutEvaluation() {}

    /** Every label of every held-out clip under every prompt format, one packed pass per clip. */
    static HeldOutAccuracy of(Qwen2AudioModel model, AnswerObjective objective, List<TrainingClip> clips) {
        HeldOutAccuracy.Tally tally = new HeldOutAccuracy.Tally();
        for (TrainingClip clip : clips) {
            try (NDManager scope = model.newCallManager()) {
                List<Question> questions = everyQuestion(clip);
                NDArray audio = objective.audio(clip.features(scope), clip);
                boolean[] correct = objective.answers(objective.logits(objective.lastRows(scope, audio, questions)),
                        questions);
                for (int n = 0; n < questions.size(); n++) {
                    tally.add(questions.get(n).attribute(), questions.get(n).format(), correct[n]);
                }
            }
        }
        return tally.accuracy();
    }

    /** Every prompt format for every attribute the clip is labelled with. */
    private static List<Question> everyQuestion(TrainingClip clip) {
        List<Question> questions = new ArrayList<>();
        clip.labels().forEach((attribute, label) -> {
            for (PromptFormat format : PromptFormat.values()) {
                questions.add(new Question(attribute, format, label));
            }
        });
        return questions;
    }
}
