package io.audiolens.aggregator;

import static io.audiolens.schemas.PromptFormat.P2;
import static io.audiolens.schemas.Split.PROBE;
import static io.audiolens.schemas.Split.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.View;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentTopologyTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldEmitEnrichmentRequestOnce() {
        Group group = Group.of("m-enrich", "animal", P2, View.LAST, "a", "b");
        Group penultimate = Group.of("m-enrich", "animal", P2, View.PENULTIMATE, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(3), stateDir)) {
            driver.project(
                    group.labelled("w1", PROBE, "a", "b", "bbaabbbb"), // wrong; hits 3, 4
                    group.labelled("t1", TEST, "a", "a", "aaaaaaaa"),
                    group.labelled("w1", PROBE, "a", "b", "abbbbbbb"), // duplicate: ignored
                    group.labelled("w2", PROBE, "a", "b", "bbabbbbb"), // wrong; hit 3
                    group.labelled("c1", PROBE, "a", "a", "aaaaaaaa"), // right: probe set of 3 complete
                    group.labelled("w3", PROBE, "a", "b", "abbbbbbb"), // beyond the probe set
                    group.labelled("w4", PROBE, "a", "b", "abbbbbbb"),
                    penultimate.labelled("w1", PROBE, "a", "b", "abbbbbbb"),
                    penultimate.labelled("w2", PROBE, "a", "b", "abbbbbbb"),
                    penultimate.labelled("w3", PROBE, "a", "b", "abbbbbbb"));
            driver.publish();

            // wrong probe samples hit layer 3 twice and layer 4 once: ℓ̄ = 3; on 8 layers the paper's offset 5
            // of 32 layers scales to round(1.25) = 1: target 4
            List<KeyValue<String, EnrichmentRequest>> requests = driver.requests();
            assertEquals(1, requests.size(), requests.toString());
            assertEquals("m-enrich|animal|P2", requests.get(0).key);
            EnrichmentRequest request = requests.get(0).value;
            assertEquals(3, request.getSourceLayer());
            assertEquals(4, request.getTargetLayer());
            assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0),
                    request.getLambdas());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), request.getRandomSeeds());
            assertEquals(3, request.getProbeSize());
            assertEquals(8, request.getLayers());
            assertEquals(3, driver.scores().get("m-enrich|animal|P2|last").getProbe().getSourceLayer());
            List<KeyValue<String, EnrichmentSnapshot>> decisions = driver.enrichment();
            assertEquals(1, decisions.size());
            assertEquals(3, decisions.get(0).value.getSourceLayer());
            assertEquals(0, decisions.get(0).value.getTestSamples());
        }
    }

    @Test
    void shouldPublishWhyNoRequestWhenNoProbeSampleWasAnsweredWrongly() {
        Group group = Group.of("m-none-wrong", "gender", P2, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(2), stateDir)) {
            driver.project(group.labelled("c1", PROBE, "a", "a", "aaaaaaaa"),
                    group.labelled("c2", PROBE, "b", "b", "bbbbbbbb"));

            assertTrue(driver.requests().isEmpty());
            EnrichmentSnapshot refusal = driver.enrichment().get(0).value;
            assertNull(refusal.getSourceLayer());
            assertTrue(refusal.getNotRequestedBecause().contains("answered all 2 probe samples correctly"),
                    refusal.getNotRequestedBecause());
        }
    }

    @Test
    void shouldUseAFixedTargetOffsetWhenGiven() {
        Group group = Group.of("m-fixed", "gender", P2, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(1, 3), stateDir)) {
            driver.project(group.labelled("w1", PROBE, "a", "b", "abbbbbbb"));

            EnrichmentRequest request = driver.requests().get(0).value;
            assertEquals(1, request.getSourceLayer());
            assertEquals(4, request.getTargetLayer());
        }
    }

    @Test
    void shouldPublishWhyNoRequestWhenTheTargetLayerIsBeyondTheModel() {
        Group group = Group.of("m-too-deep", "gender", P2, View.LAST, "a", "b");
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(1, 5), stateDir)) {
            driver.project(group.labelled("w1", PROBE, "a", "b", "abbb"));

            assertTrue(driver.requests().isEmpty());
            EnrichmentSnapshot refusal = driver.enrichment().get(0).value;
            assertEquals("source layer 1 + 5 = 6 exceeds the model's 4 layers", refusal.getNotRequestedBecause());
        }
    }

    /**
     * Four test samples, λ ∈ {0, 0.5, 1}, two seeds. Right answers per λ: (2, 3, 1) of 4; seed 0: (1, 2, 2),
     * seed 1: (3, 2, 0). Accuracy (0.5, 0.75, 0.25); seeds' accuracies (0.25, 0.5, 0.5) and (0.75, 0.5, 0):
     * mean (0.5, 0.5, 0.25), population std (0.25, 0, 0.25); gain over λ = 0: (0, 0.5, −0.5).
     */
    @Test
    void shouldTurnOutcomesIntoAccuracyRandomBaselineAndRelativeGain() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorDriver.settings(100), stateDir)) {
            driver.outcome(outcome("t1", "aab", "aaa", "abb"));
            driver.outcome(outcome("t2", "aab", "baa", "abb"));
            driver.outcome(outcome("t3", "bab", "bbb", "aab"));
            driver.outcome(outcome("t4", "bba", "bbb", "bab"));
            driver.outcome(outcome("t1", "aaa", "aaa", "aaa")); // duplicate: ignored
            EnrichmentOutcome misshapen = outcome("t5", "aa", "aaa", "aaa");
            driver.outcome(misshapen);
            driver.publish();

            List<KeyValue<String, EnrichmentSnapshot>> snapshots = driver.enrichment();
            assertEquals(1, snapshots.size());
            assertEquals("m-outcomes|animal|P2", snapshots.get(0).key);
            EnrichmentSnapshot snapshot = snapshots.get(0).value;
            assertEquals(4, snapshot.getTestSamples());
            assertEquals(4, snapshot.getSourceLayer());
            assertEquals(9, snapshot.getTargetLayer());
            assertEquals(List.of(0.5, 0.75, 0.25), snapshot.getAccuracy());
            assertEquals(List.of(0.5, 0.5, 0.25), snapshot.getRandomMean());
            assertEquals(List.of(0.25, 0.0, 0.25), snapshot.getRandomStd());
            assertEquals(List.of(0.0, 0.5, -0.5), snapshot.getRelativeGain());
            assertEquals(1, driver.deadLetters().size());
            assertEquals(1, driver.document().rejectedOutcomes());
            assertEquals(1, driver.document().enrichment().get(0).duplicates());
        }
    }

    /** Predictions as one letter per λ, for the chosen source layer and for seeds 0 and 1. */
    private static EnrichmentOutcome outcome(String sampleId, String chosen, String seed0, String seed1) {
        return EnrichmentOutcome.newBuilder()
                .setModel("m-outcomes").setAttribute("animal").setPrompt(P2).setSampleId(sampleId).setLabel("a")
                .setSourceLayer(4).setTargetLayer(9).setLambdas(List.of(0.0, 0.5, 1.0))
                .setPredictions(letters(chosen))
                .setRandomSourceLayers(List.of(2, 7))
                .setRandomPredictions(List.of(letters(seed0), letters(seed1)))
                .build();
    }

    private static List<String> letters(String predictions) {
        return Arrays.stream(predictions.split("")).toList();
    }
}
