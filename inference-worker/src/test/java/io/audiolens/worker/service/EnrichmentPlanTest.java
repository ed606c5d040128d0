package io.audiolens.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.worker.lens.RandomSourceLayer;
import io.audiolens.worker.model.api.Enrichment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rows a request asks for keep its target offset, also for the random source layers. */
class EnrichmentPlanTest {
    private static final List<Double> LAMBDAS = List.of(0.0, 0.5);
    private static final List<Long> SEEDS = List.of(0L, 1L, 2L, 3L, 4L);

    @Test
    void shouldKeepTheRequestsOffsetForEveryRandomSourceLayer() {
        // an 8-layer model asked for 4 → 5 (offset 1): random sources may come from 1..7, not 1..3
        EnrichmentPlan plan = new EnrichmentPlan(request(4, 5, 8));
        List<Integer> sources = new ArrayList<>();
        for (String sampleId : IntStream.range(0, 40).mapToObj(i -> "set/language/clip" + i).toList()) {
            List<Enrichment> rows = plan.enrichments(sampleId);
            assertEquals(LAMBDAS.size() * (1 + SEEDS.size()), rows.size());
            assertEquals(List.of(new Enrichment(4, 5, 0.0), new Enrichment(4, 5, 0.5)), rows.subList(0, 2));
            for (int seed = 0; seed < SEEDS.size(); seed++) {
                int source = RandomSourceLayer.draw(SEEDS.get(seed), sampleId, 8, 1);
                sources.add(source);
                for (int l = 0; l < LAMBDAS.size(); l++) {
                    assertEquals(new Enrichment(source, source + 1, LAMBDAS.get(l)),
                            rows.get(LAMBDAS.size() * (1 + seed) + l));
                }
            }
        }
        assertTrue(sources.stream().allMatch(s -> s >= 1 && s <= 7), sources.toString());
        assertTrue(sources.stream().anyMatch(s -> s > 3), "with offset 5 no source could exceed 3: " + sources);
    }

    private static EnrichmentRequest request(int source, int target, int layers) {
        return EnrichmentRequest.newBuilder().setModel("m").setAttribute("language").setPrompt(PromptFormat.P2)
                .setSourceLayer(source).setTargetLayer(target).setLambdas(LAMBDAS).setRandomSeeds(SEEDS)
                .setProbeSize(20).setLayers(layers).build();
    }
}
