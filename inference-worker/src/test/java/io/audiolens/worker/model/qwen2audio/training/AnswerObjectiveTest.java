package io.audiolens.worker.model.qwen2audio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioModel;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.model.common.HfTokenizer;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioChatTemplate;
import io.audiolens.worker.model.qwen2audio.Qwen2AudioPrompts;
import io.audiolens.worker.model.qwen2audio.WordLevelTokenizer;
import io.audiolens.worker.model.qwen2audio.training.AnswerObjective.Question;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The late-answer term: KL(uniform ‖ lens label distribution), averaged over the early layers, summed over questions. */
class AnswerObjectiveTest {
    private static final TinyArchitecture SMALL = new TinyArchitecture(1, 32, 2, 64, 4, 32, 2, 1, 64);

    @Test
    void shouldBeZeroForUniformLabelsAndTheHandComputedKlOtherwise(@TempDir Path dir) throws Exception {
        Path tokenizerJson = dir.resolve("tokenizer.json");
        Files.writeString(tokenizerJson, WordLevelTokenizer.json(WordLevelTokenizer.promptVocabulary()));
        try (HfTokenizer tokenizer = HfTokenizer.load(tokenizerJson);
                Qwen2AudioModel model = Qwen2AudioModel.initialise(SMALL.config(
                        WordLevelTokenizer.vocabularySize(WordLevelTokenizer.promptVocabulary()),
                        Math.toIntExact(tokenizer.singleTokenId(Qwen2AudioChatTemplate.AUDIO_TOKEN))), Device.cpu(), 11);
                NDManager m = model.newCallManager()) {
            Prompts prompts = new Prompts(new Qwen2AudioPrompts(tokenizer));
            AnswerObjective objective = new AnswerObjective(model, prompts);
            List<Question> questions = List.of(new Question(Attribute.LANGUAGE, PromptFormat.P1, "German"),
                    new Question(Attribute.GENDER, PromptFormat.P3, "female"));

            // zero residuals: RMSNorm gives zeros, every logit is 0, every label equally likely
            List<NDArray> zeros = List.of(m.zeros(new Shape(2, 32)), m.zeros(new Shape(2, 32)));
            assertEquals(0, value(objective.earlyReadout(zeros, questions, 2)), 1e-6);

            List<NDArray> rows = List.of(m.randomNormal(0, 3, new Shape(2, 32), DataType.FLOAT32),
                    m.randomNormal(0, 3, new Shape(2, 32), DataType.FLOAT32), m.zeros(new Shape(2, 32)));
            double expected = 0;
            for (int n = 0; n < questions.size(); n++) {
                int[] tokens = prompts.labelTokens(questions.get(n).attribute());
                for (int l = 0; l < 2; l++) {
                    float[] logits = model.logits(rows.get(l)).toFloatArray();
                    int vocab = logits.length / 2;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int token : tokens) {
                        max = Math.max(max, logits[n * vocab + token]);
                    }
                    double sum = 0;
                    for (int token : tokens) {
                        sum += Math.exp(logits[n * vocab + token] - max);
                    }
                    double kl = -Math.log(tokens.length);
                    for (int token : tokens) {
                        kl -= (logits[n * vocab + token] - max - Math.log(sum)) / tokens.length;
                    }
                    expected += kl / 2;                                   // mean over the 2 early layers
                }
            }
            assertTrue(expected > 1e-3, "the random rows must tell the labels apart somewhat: " + expected);
            assertEquals(expected, value(objective.earlyReadout(rows, questions, 2)), 1e-4 * Math.max(1, expected));
        }
    }

    /** The term is a float64 scalar (log |Y| enters as a double). */
    private static double value(NDArray scalar) {
        return scalar.toType(DataType.FLOAT64, false).getDouble();
    }
}
