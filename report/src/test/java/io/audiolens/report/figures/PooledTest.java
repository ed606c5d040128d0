package io.audiolens.report.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.audiolens.report.metrics.Group;
import io.audiolens.report.metrics.View;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PooledTest {

    @Test
    void shouldWeightEachPromptBySamplesAndSkipUndefinedScores() {
        Group p1 = group("P1", 300, 0.5, 0.9);
        Group p2 = group("P2", 100, 0.9, null);

        List<Double> pooled = Pooled.scores(List.of(p1, p2), Group::infoScore, Group::samples);

        assertEquals(0.6, pooled.get(0), 1e-12, "(300 × 0.5 + 100 × 0.9) / 400");
        assertEquals(0.9, pooled.get(1), 1e-12, "only P1 has layer 2");
        assertEquals(400, Pooled.weight(List.of(p1, p2), Group::samples));
    }

    @Test
    void shouldLeaveALayerUndefinedWhenNoGroupHasSamples() {
        List<Double> pooled = Pooled.scores(List.of(group("P1", 0, 0.5, 0.5)), Group::infoScore, Group::samples);

        assertNull(pooled.get(0));
    }

    @Test
    void shouldReadTheScoreBetweenTwoLayers() {
        assertEquals(0.65, InformationScoreFigures.valueAt(List.of(0.5, 0.6, 0.8), 2.25), 1e-12);
        assertNull(InformationScoreFigures.valueAt(Arrays.asList(0.5, null), 1.5));
    }

    private static Group group(String prompt, long samples, Double layer1, Double layer2) {
        List<Double> scores = Arrays.asList(layer1, layer2);
        return new Group("m", "gender", prompt, View.LAST, samples, samples, layer2, 0.5, scores, scores, scores, null);
    }
}
