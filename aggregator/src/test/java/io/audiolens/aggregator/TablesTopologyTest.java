package io.audiolens.aggregator;

import static io.audiolens.schemas.Split.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.aggregator.metrics.Correlation;
import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.aggregator.metrics.TableIIRow;
import io.audiolens.schemas.AttributeSummary;
import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.View;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables II and III over 12 view LAST groups (4 attributes × P1–P3) of labels {a, b}, L = 4, 10 samples
 * each, all labelled a. Group (k, c): every sample reads a at layer k only among layers 1–3, the first c
 * also read a at layer 4 and are answered right. So I^k = 1, I^4 = c/10 = accuracy, the rest 0, and with
 * threshold 0.6: ℓ* = (0.4 k + 4 s4) / (0.4 + s4), s4 = max(0, c/10 − 0.6).
 * r and p were computed with scipy.stats.pearsonr over those points.
 */
class TablesTopologyTest {

    private static final String[] ATTRIBUTES = {"gender", "language", "emotion", "animal"};
    private static final int[][][] DESIGN = { // per attribute, per prompt: (k, c)
        {{1, 10}, {1, 9}, {2, 10}}, // ℓ* 2.5, 2.2857, 3.0
        {{1, 8}, {2, 9}, {3, 10}}, // 2.0, 2.8571, 3.5
        {{2, 7}, {3, 5}, {1, 6}}, // 2.4, 3.0, 1.0
        {{3, 7}, {2, 4}, {3, 8}}}; // 3.2, 2.0, 3.3333
    private static final double SCIPY_R = 0.40381203637257085;
    private static final double SCIPY_P = 0.19298059497632222;
    private static final double SCIPY_R_EXCLUDING_GENDER = 0.48381530368036263;
    private static final double SCIPY_P_EXCLUDING_GENDER = 0.1869653760167665;

    @TempDir
    Path stateDir;

    @Test
    void shouldCorrelateCriticalLayersWithAccuraciesPerModelAsScipyDoes() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            projectDesign(driver);
            driver.project(Group.of("m-tables", "gender", PromptFormat.P1, View.PENULTIMATE, "a", "b")
                    .labelled("ignored", TEST, "a", "b", "aaaa")); // other views stay out of the tables
            driver.publish();

            CorrelationSnapshot snapshot = driver.correlations().get("m-tables");
            assertEquals(12, snapshot.getPoints().size());
            assertEquals(SCIPY_R, snapshot.getR(), 1e-12);
            assertEquals(SCIPY_P, snapshot.getP(), 1e-9);
            assertEquals(SCIPY_R_EXCLUDING_GENDER, snapshot.getRExcludingGender(), 1e-12);
            assertEquals(SCIPY_P_EXCLUDING_GENDER, snapshot.getPExcludingGender(), 1e-9);
            AttributeSummary gender = snapshot.getTableII().stream()
                    .filter(row -> row.getAttribute().equals("gender")).findFirst().orElseThrow();
            assertEquals((2.5 + 16.0 / 7 + 3.0) / 3, gender.getCriticalLayer(), 1e-12);
            assertEquals((1.0 + 0.9 + 1.0) / 3, gender.getAccuracy(), 1e-12);
            assertEquals(3, gender.getPrompts());

            MetricsDocument document = driver.document();
            Correlation correlation = document.correlations().get(0);
            assertEquals(snapshot.getR(), correlation.r());
            assertEquals(snapshot.getP(), correlation.p());
            assertEquals(9, correlation.pointsExcludingGender());
            TableIIRow emotion = document.tableII().stream()
                    .filter(row -> row.attribute().equals("emotion")).findFirst().orElseThrow();
            assertEquals((2.4 + 3.0 + 1.0) / 3, emotion.criticalLayer(), 1e-12);
            assertEquals((0.7 + 0.5 + 0.6) / 3, emotion.accuracy(), 1e-12);
        }
    }

    private static void projectDesign(AggregatorDriver driver) {
        for (int a = 0; a < ATTRIBUTES.length; a++) {
            for (PromptFormat prompt : PromptFormat.values()) {
                int k = DESIGN[a][prompt.ordinal()][0];
                int c = DESIGN[a][prompt.ordinal()][1];
                Group group = Group.of("m-tables", ATTRIBUTES[a], prompt, View.LAST, "a", "b");
                for (int n = 0; n < 10; n++) {
                    boolean right = n < c;
                    StringBuilder readout = new StringBuilder("bbb");
                    readout.setCharAt(k - 1, 'a');
                    readout.append(right ? 'a' : 'b');
                    driver.project(group.labelled("s" + n, TEST, "a", right ? "a" : "b", readout.toString()));
                }
            }
        }
    }
}
