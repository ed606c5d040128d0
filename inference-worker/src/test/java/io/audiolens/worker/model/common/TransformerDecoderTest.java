package io.audiolens.worker.model.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.LastTokenStates;
import io.audiolens.worker.model.api.LastTokenVariants;
import io.audiolens.worker.model.api.PrefixBatch;
import io.audiolens.worker.model.api.PrefixCache;
import io.audiolens.worker.model.llama.LlamaModel;
import io.audiolens.worker.testing.DecoderParity;
import io.audiolens.worker.testing.TinyReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder's cache and last-token batch on the Llama fixture (4 query heads share 1 key/value head). */
class TransformerDecoderTest {

    @Test
    void shouldCacheOneKeyAndValuePerKeyValueHead() {
        try (LlamaModel model = LlamaModel.load(TinyReference.folder("llama-tiny-d"), Device.cpu(), DataType.FLOAT32);
                NDManager m = model.newCallManager()) {
            NDArray embeds = model.embed(m, new long[] {1, 2, 3, 4, 5, 6});
            CachedPrefix prefix = (CachedPrefix) model.decoder().prefill(embeds.get(new NDIndex(":5")));
            for (int l = 1; l <= model.decoder().layers(); l++) {
                assertArrayEquals(new long[] {1, 5, 16}, prefix.at(l).keys().getShape().getShape(), "keys, layer " + l);
                assertArrayEquals(new long[] {1, 5, 16}, prefix.at(l).values().getShape().getShape(), "values, layer " + l);
            }
        }
    }

    @Test
    void shouldGiveEveryEnrichmentItsOwnRowWhateverTheOrderOfTheirTargets() {
        try (LlamaModel model = LlamaModel.load(TinyReference.folder("llama-tiny-d"), Device.cpu(), DataType.FLOAT32);
                NDManager m = model.newCallManager()) {
            NDArray embeds = model.embed(m, new long[] {5, 9, 2, 7, 3, 11, 4, 8});
            int t = 8;
            int[] hidden = {2, 3};
            List<Enrichment> enrichments = List.of(new Enrichment(2, 6, 0.75), new Enrichment(1, 3, 1.5),
                    new Enrichment(3, 5, -0.5), new Enrichment(2, 4, 2.0));
            TransformerDecoder decoder = model.decoder();
            LastTokenStates last = decoder.extend(decoder.prefill(embeds.get(new NDIndex(":7"))), embeds.get(7), hidden,
                    LastTokenVariants.of(true, enrichments));
            for (int i = 0; i < enrichments.size(); i++) {
                NDArray naive = decoder.fullForward(embeds, hidden, false, enrichments.get(i)).get(5).get(t - 1);
                DecoderParity.assertClose("enrichment " + i + " " + enrichments.get(i), last.enriched(i, 6), naive);
            }
            DecoderParity.assertClose("audio-masked", last.audioMasked(6),
                    decoder.fullForward(embeds, hidden, true, null).get(5).get(t - 1));
        }
    }

    /**
     * Prompts of 9, 4 and 7 tokens (so two are padded) through one batched prefix and one batched last-token
     * pass give each prompt what it gets alone: every layer's plain, audio-masked, enriched and penultimate
     * residual within 1e-5 relative, and each prompt's own cache extends alone to the same rows.
     */
    @Test
    void shouldGiveEachPromptOfABatchWhatItGetsAlone() {
        try (LlamaModel model = LlamaModel.load(TinyReference.folder("llama-tiny-d"), Device.cpu(), DataType.FLOAT32);
                NDManager m = model.newCallManager()) {
            List<NDArray> prompts = List.of(model.embed(m, new long[] {5, 9, 2, 7, 3, 11, 4, 8, 6}),
                    model.embed(m, new long[] {12, 3, 1, 10}), model.embed(m, new long[] {2, 2, 7, 13, 5, 1, 9}));
            List<int[]> audio = List.of(new int[] {1, 2, 3}, new int[] {0, 1}, new int[] {3, 4});
            LastTokenVariants variants = LastTokenVariants.of(true,
                    List.of(new Enrichment(2, 5, 0.75), new Enrichment(1, 3, 1.5)));
            TransformerDecoder decoder = model.decoder();
            PrefixBatch prefixes = decoder.prefill(prompts.stream().map(p -> p.get(new NDIndex(":-1"))).toList());
            List<LastTokenStates> together = decoder.extend(prefixes,
                    prompts.stream().map(p -> p.get(p.getShape().get(0) - 1)).toList(), audio, variants);
            for (int b = 0; b < prompts.size(); b++) {
                NDArray embeds = prompts.get(b);
                int t = (int) embeds.getShape().get(0);
                PrefixCache own = decoder.prefill(embeds.get(new NDIndex(":{}", t - 1)));
                LastTokenStates alone = decoder.extend(own, embeds.get(t - 1), audio.get(b), variants);
                LastTokenStates fromBatchCache = decoder.extend(prefixes.prompt(b), embeds.get(t - 1), audio.get(b),
                        variants);
                assertEquals(t - 1, prefixes.prompt(b).length(), "prompt " + b + "'s prefix length");
                for (int l = 1; l <= decoder.layers(); l++) {
                    String where = "prompt " + b + ", layer " + l + ": ";
                    assertWithin(where + "plain", together.get(b).plain(l), alone.plain(l));
                    assertWithin(where + "audio-masked", together.get(b).audioMasked(l), alone.audioMasked(l));
                    assertWithin(where + "penultimate", prefixes.prompt(b).penultimate(l), own.penultimate(l));
                    assertWithin(where + "plain from the batch's cache", fromBatchCache.plain(l), alone.plain(l));
                    for (int e = 0; e < 2; e++) {
                        assertWithin(where + "enrichment " + e, together.get(b).enriched(e, l), alone.enriched(e, l));
                    }
                }
            }
        }
    }

    private static void assertWithin(String what, NDArray batched, NDArray alone) {
        double err = TinyReference.relativeError(batched, alone);
        assertTrue(err <= 1e-5, what + ": relative error " + err);
    }

    @Test
    void shouldNameTheRowsOfALastTokenBatchWhateverTheOrderOfTheEnrichments() {
        LastTokenBatch batch = LastTokenBatch.plan(LastTokenVariants.of(true,
                List.of(new Enrichment(2, 5, 1.0), new Enrichment(1, 3, 0.5))));
        assertTrue(batch.joiningAt(4).get(0).enrichmentIndex() == 1, "target 3 joins before layer 4");
        assertTrue(batch.joiningAt(6).get(0).enrichmentIndex() == 0, "target 5 joins before layer 6");
        assertArrayEquals(new Object[] {false, true}, batch.masksAudioAt(1).toArray());
        assertArrayEquals(new Object[] {false, true, false, false}, batch.masksAudioAt(6).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LastTokenBatch.plan(LastTokenVariants.of(false, List.of())).audioMasked(1));
        assertTrue(e.getMessage().contains("audio-masked variant was not requested"), e.getMessage());
    }
}
