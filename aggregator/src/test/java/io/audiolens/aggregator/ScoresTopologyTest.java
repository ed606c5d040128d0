package io.audiolens.aggregator;

import static io.audiolens.schemas.PromptFormat.P1;
import static io.audiolens.schemas.Split.PROBE;
import static io.audiolens.schemas.Split.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.aggregator.metrics.MetricsDocument;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.View;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-group scores through the topology; every expected value is worked out by hand in the comments. */
class ScoresTopologyTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path stateDir;

    @Test
    void shouldScoreEveryLayerOverAllCorrectAndIncorrectSamples() {
        Group group = Group.of("m-scores", "animal", P1, View.LAST, "a", "b", "c");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            driver.project(
                    group.labelled("s1", TEST, "a", "a", "baaa"), // right; hits at layers 2, 3, 4
                    group.labelled("s2", TEST, "b", "b", "aabb"), // right; hits at 3, 4
                    group.labelled("s3", TEST, "c", "a", "ccaa"), // wrong; hits at 1, 2
                    group.labelled("s4", TEST, "a", "b", "babb")); // wrong; hit at 2
            assertTrue(driver.scores().isEmpty(), "nothing is published before the publish interval");

            driver.publish();
            ScoreSnapshot score = driver.scores().get("m-scores|animal|P1|last");

            assertEquals(4, score.getSamples());
            assertEquals(2, score.getCorrect());
            assertEquals(List.of(0.25, 0.75, 0.5, 0.5), score.getInfoScore());
            assertEquals(List.of(0.0, 0.5, 1.0, 1.0), score.getInfoScoreCorrect());
            assertEquals(List.of(0.5, 1.0, 0.0, 0.0), score.getInfoScoreIncorrect());
            assertEquals(0.5, score.getAccuracy());
            assertEquals(1.0 / 3, score.getChance());
            // threshold (1 + 0.2) / 3 = 0.4; s = (0, 0.35, 0.1, 0.1); ℓ* = (0.7 + 0.3 + 0.4) / 0.55 = 28/11
            assertEquals(28.0 / 11, score.getCriticalLayer(), EXACT);
            assertEquals(0, score.getProbe().getSamples());
            assertEquals(0, score.getUnlabelled().getSamples());
        }
    }

    @Test
    void shouldPublishEachChangedGroupOncePerInterval() {
        Group group = Group.of("m-rate", "gender", P1, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            for (int i = 0; i < 50; i++) {
                driver.project(group.labelled("s" + i, TEST, "a", "a", "aa"));
            }
            driver.publish();
            driver.publish();

            List<KeyValue<String, ScoreSnapshot>> published = driver.scoreRecords();
            assertEquals(1, published.size());
            assertEquals(50, published.get(0).value.getSamples());
        }
    }

    @Test
    void shouldKeepTheProbeSetApartStopItAtTheProbeSizeAndCountUnlabelledSamples() {
        Group group = Group.of("m-probe", "gender", P1, View.PENULTIMATE, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(2), stateDir)) {
            driver.project(
                    group.labelled("p1", PROBE, "a", "b", "aab"), // probe, wrong; hits 1, 2
                    group.labelled("t1", TEST, "a", "a", "bba"), // test; hit 3
                    group.labelled("p2", PROBE, "b", "b", "bbb"), // probe, right; hits 1, 2, 3: probe set complete
                    group.labelled("p3", PROBE, "a", "b", "bab"), // third probe sample: overall only; hit 2
                    group.unlabelled("u1", "a", "aba"), // agrees with its answer a at layers 1, 3
                    unlabelledButProbe(group.labelled("u2", PROBE, "a", "b", "bbb"))); // agrees at 1, 2, 3
            driver.publish();
            ScoreSnapshot score = driver.scores().get("m-probe|gender|P1|penultimate");

            assertEquals(4, score.getSamples());
            assertEquals(List.of(0.5, 0.75, 0.5), score.getInfoScore());
            assertEquals(2, score.getProbe().getSamples());
            assertTrue(score.getProbe().getComplete());
            assertEquals(List.of(1.0, 1.0, 0.0), score.getProbe().getInfoScoreIncorrect());
            assertEquals(1, score.getProbe().getSourceLayer(), "ties go to the lowest layer");
            assertEquals(2, score.getUnlabelled().getSamples());
            assertEquals(List.of(1.0, 0.5, 1.0), score.getUnlabelled().getAgreement());
        }
    }

    @Test
    void shouldLeaveTheCriticalLayerUndefinedWhenNoLayerBeatsTheMargin() {
        Group group = Group.of("m-flat", "gender", P1, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            // I = (0.5, 0.5), never above (1 + 0.2) / 2 = 0.6: every s is 0
            driver.project(group.labelled("s1", TEST, "a", "b", "ab"), group.labelled("s2", TEST, "a", "a", "ba"));
            driver.publish();

            ScoreSnapshot score = driver.scores().get("m-flat|gender|P1|last");
            assertNull(score.getCriticalLayer());
            assertEquals(0.5, score.getAccuracy());
            MetricsDocument document = driver.document();
            assertNull(document.tableII().get(0).criticalLayer());
            assertEquals(0.5, document.tableII().get(0).accuracy());
            assertNull(document.correlations().get(0).r());
            assertEquals(0, document.correlations().get(0).points());
        }
    }

    @Test
    void shouldCountASampleIdOncePerGroup() {
        Group group = Group.of("m-dup", "gender", P1, View.LAST, "a", "b");
        Group other = Group.of("m-dup", "gender", P1, View.PENULTIMATE, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            driver.project(group.labelled("s1", TEST, "a", "a", "aa"), group.labelled("s1", TEST, "a", "b", "bb"),
                    other.labelled("s1", TEST, "a", "a", "ab"));
            driver.publish();
            Map<String, ScoreSnapshot> scores = driver.scores();

            assertEquals(1, scores.get("m-dup|gender|P1|last").getSamples());
            assertEquals(1, scores.get("m-dup|gender|P1|last").getDuplicates());
            assertEquals(List.of(1.0, 1.0), scores.get("m-dup|gender|P1|last").getInfoScore(), "the first one counts");
            assertEquals(1, scores.get("m-dup|gender|P1|penultimate").getSamples());
        }
    }

    @Test
    void shouldDeadLetterWhatCannotBeCountedAndCountItAsRejected() {
        Group group = Group.of("m-bad", "gender", P1, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            driver.project(group.labelled("good", TEST, "a", "a", "aa"));
            driver.project(group.labelled("label", TEST, "z", "a", "aa"));
            LayerProjection shortRow = group.labelled("shape", TEST, "a", "a", "aa");
            shortRow.getLayerProbs().set(1, List.of(0.5));
            driver.project(shortRow);
            driver.project(Group.of("m-bad", "gender", P1, View.LAST, "a", "b", "c").labelled("labels", TEST, "a", "a", "aa"));
            driver.project("m-bad|gender|P1|LAST", group.labelled("key", TEST, "a", "a", "aa"));
            driver.projectRaw(group.key(), "not avro".getBytes(StandardCharsets.UTF_8));
            driver.publish();

            List<DeadLetter> letters = driver.deadLetters().stream().map(letter -> letter.value).toList();
            List<String> reasons = letters.stream().map(DeadLetter::getReason).toList();
            assertEquals(5, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("label 'z' is not one of [a, b]"), reasons.get(0));
            assertTrue(reasons.get(1).contains("layerProbs row 2 has 1 entries for 2 labels"), reasons.get(1));
            assertTrue(reasons.get(2).contains("differ from [a, b] of the group's earlier projections"), reasons.get(2));
            assertTrue(reasons.get(3).contains("must be keyed 'm-bad|gender|P1|last'"), reasons.get(3));
            assertTrue(reasons.get(4).contains("cannot decode"), reasons.get(4));
            assertEquals("not avro", StandardCharsets.UTF_8.decode(letters.get(4).getOriginalValue()).toString());
            assertEquals("aggregator.projections", letters.get(4).getStage());
            assertEquals(1, driver.scores().get("m-bad|gender|P1|last").getSamples());
            assertEquals(5, driver.document().rejected());
        }
    }

    private static LayerProjection unlabelledButProbe(LayerProjection projection) {
        projection.setLabel(null);
        return projection;
    }
}
