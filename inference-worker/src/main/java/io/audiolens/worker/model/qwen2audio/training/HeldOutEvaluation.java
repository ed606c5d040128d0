package io.audiolens.worker.model.qwen2audio.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.audiolens.worker.model.api.training.HeldOutAccuracy;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.model.qwen2audio.training.AnswerObjective.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The model's own answers on held-out clips, as training reports them after every epoch. */
final class HeldOutEvaluation {
    private HeldOutEvaluation() {}

    /**
     * Held-out accuracy over all clips, and per source: the part of a clip's file name before its first
     * "_" ({@code tools/make-speech-set.sh} names clips ENGINE_VOICE_LANGUAGE_LINE.wav).
     */
    record Result(HeldOutAccuracy all, SortedMap<String, HeldOutAccuracy> bySource) {
        Result {
            bySource = Collections.unmodifiableSortedMap(new TreeMap<>(bySource));
        }
    }

    /** Every label of every held-out clip under every prompt format, one packed pass per clip. */
    static Result of(Qwen2AudioModel model, AnswerObjective objective, List<TrainingClip> clips) {
        HeldOutTally all = new HeldOutTally();
        Map<String, HeldOutTally> bySource = new TreeMap<>();
        for (TrainingClip clip : clips) {
            HeldOutTally source = bySource.computeIfAbsent(source(clip), s -> new HeldOutTally());
            try (NDManager scope = model.newCallManager()) {
                List<Question> questions = everyQuestion(clip);
                NDArray audio = objective.audio(clip.heard(scope));
                boolean[] correct = objective.answers(objective.logits(objective.lastRows(scope, audio, questions)),
                        questions);
                for (int n = 0; n < questions.size(); n++) {
                    all.add(questions.get(n).attribute(), questions.get(n).format(), correct[n]);
                    source.add(questions.get(n).attribute(), questions.get(n).format(), correct[n]);
                }
            }
        }
        SortedMap<String, HeldOutAccuracy> sources = new TreeMap<>();
        bySource.forEach((name, tally) -> sources.put(name, tally.accuracy()));
        return new Result(all.accuracy(), sources);
    }

    /** "espeak-ng" for espeak-ng_m7_english_27.wav; the whole name when it has no "_". */
    static String source(TrainingClip clip) {
        int end = clip.name().indexOf('_');
        return end > 0 ? clip.name().substring(0, end) : clip.name();
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
