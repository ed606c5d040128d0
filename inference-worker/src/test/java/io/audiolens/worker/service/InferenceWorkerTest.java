package io.audiolens.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.audiolens.worker.service.WorkerOutputs.producer;
import static io.audiolens.worker.service.WorkerOutputs.sample;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.audio.WavDecoder;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.RandomSourceLayer;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.testing.TinyReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker on the real broker and registry: projections for good samples, dead letters for the rest (and the loop goes on). */
@ExtendWith(EmbeddedPlatformExtension.class)
class InferenceWorkerTest {
    private static final List<PromptFormat> PROMPTS = List.of(PromptFormat.P1, PromptFormat.P3);

    @Test
    void shouldProjectEverySampleOncePerPromptAndViewAndDeadLetterTheRest(EmbeddedPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        short[] pcm = WavDecoder.decode(TinyReference.FOLDER.resolve("audio.wav")).pcm16();
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            var serializer = Topics.SAMPLES.valueSerde(platform.serdeConfig()).serializer();
            for (String label : List.of("dog", "cat", "cow")) {
                send(producer, run + "/" + label, serializer.serialize(Topics.SAMPLES.name(), sample(run + "/" + label, "animal", label, pcm)));
            }
            send(producer, run + "/colour", serializer.serialize(Topics.SAMPLES.name(), sample(run + "/colour", "colour", "red", pcm)));
            send(producer, run + "/unicorn", serializer.serialize(Topics.SAMPLES.name(), sample(run + "/unicorn", "animal", "unicorn", pcm)));
            send(producer, run + "/corrupt", new byte[] {0, 0, 0, 0, 42, 1, 2, 3});
            short[] blip = Arrays.copyOf(pcm, 100); // 6 ms: shorter than one audio token
            send(producer, run + "/blip", serializer.serialize(Topics.SAMPLES.name(), sample(run + "/blip", "animal", "dog", blip)));
        }
        WorkerSettings settings = new WorkerSettings(platform.kafkaCluster(), platform.serdeConfig(),
                TinyReference.FOLDER, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE, PROMPTS, List.of(View.values()),
                "test-" + run, "workers-" + run, 4); // batched: the poll's readable clips share decoder calls
        try (LensRuntime runtime = LensRuntime.load(TinyReference.FOLDER, ComputeDevice.cpu().device(),
                ComputeDevice.cpu().dataType(), LabelTokenMode.LEADING_SPACE);
                InferenceWorker worker = new InferenceWorker(settings, runtime);
                WorkerOutputs outputs = new WorkerOutputs(platform, run)) {
            Thread thread = new Thread(worker, "worker-under-test");
            thread.start();
            outputs.awaitUntil(() -> outputs.projections().size() >= 3 * 2 * 3 && outputs.deadLetters().size() >= 4,
                    "18 projections and 4 dead letters", worker);
            outputs.poll();
            List<LayerProjection> projections = outputs.projections();
            List<DeadLetter> deadLetters = outputs.deadLetters();
            assertEquals(18, projections.size());
            assertEquals(4, deadLetters.size());
            assertTrue(deadLetters.stream().anyMatch(l -> l.getReason().contains("100 samples")
                    && l.getReason().contains("at least 321")), deadLetters.toString());
            assertTrue(deadLetters.stream().anyMatch(l -> l.getReason().contains("unknown attribute 'colour'")), deadLetters.toString());
            assertTrue(deadLetters.stream().anyMatch(l -> l.getReason().contains("'unicorn'")), deadLetters.toString());
            assertTrue(deadLetters.stream().anyMatch(l -> l.getStage().equals("worker/deserialize")), deadLetters.toString());
            assertSameAsDirectAnalysis(runtime, pcm, projections.stream()
                    .filter(x -> x.getSampleId().equals(run + "/cat") && x.getPrompt() == io.audiolens.schemas.PromptFormat.P3)
                    .toList());
        }
    }

    @Test
    void shouldEvaluateAnEnrichmentRequestOnPastAndFutureTestSamples(EmbeddedPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        short[] pcm = WavDecoder.decode(TinyReference.FOLDER.resolve("audio.wav")).pcm16();
        var samples = Topics.SAMPLES.valueSerde(platform.serdeConfig()).serializer();
        EnrichmentRequest request = EnrichmentRequest.newBuilder().setModel("qwen2audio-tiny-a").setAttribute("animal")
                .setPrompt(io.audiolens.schemas.PromptFormat.P3).setSourceLayer(2).setTargetLayer(7)
                .setLambdas(List.of(0.0, 0.5, 1.25)).setRandomSeeds(List.of(0L, 1L)).setProbeSize(1).setLayers(8).build();
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            send(producer, run + "/past", samples.serialize(Topics.SAMPLES.name(), sample(run + "/past", "animal", "dog", pcm)));
            AudioSample probe = sample(run + "/probe", "animal", "cat", pcm);
            probe.setSplit(Split.PROBE);
            send(producer, run + "/probe", samples.serialize(Topics.SAMPLES.name(), probe));
        }
        WorkerSettings settings = new WorkerSettings(platform.kafkaCluster(), platform.serdeConfig(),
                TinyReference.FOLDER, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE, List.of(PromptFormat.P3),
                List.of(View.LAST), "enrich-" + run, "workers-" + run);
        try (LensRuntime runtime = LensRuntime.load(TinyReference.FOLDER, ComputeDevice.cpu().device(),
                ComputeDevice.cpu().dataType(), LabelTokenMode.LEADING_SPACE);
                InferenceWorker worker = new InferenceWorker(settings, runtime);
                WorkerOutputs outputs = new WorkerOutputs(platform, run)) {
            new Thread(worker, "worker-under-test").start();
            try (KafkaProducer<String, byte[]> producer = producer(platform)) {
                WorkerOutputs.send(producer, Topics.ENRICHMENT_REQUESTS, "qwen2audio-tiny-a|animal|P3",
                        Topics.ENRICHMENT_REQUESTS.valueSerde(platform.serdeConfig()).serializer()
                                .serialize(Topics.ENRICHMENT_REQUESTS.name(), request));
                send(producer, run + "/future", samples.serialize(Topics.SAMPLES.name(), sample(run + "/future", "animal", "cow", pcm)));
            }
            outputs.awaitUntil(() -> outputs.outcomes().size() >= 2, "outcomes for the past and the future test sample",
                    worker);
            List<EnrichmentOutcome> outcomes = outputs.outcomes();
            assertEquals(List.of(run + "/future", run + "/past"),
                    outcomes.stream().map(EnrichmentOutcome::getSampleId).sorted().toList(), "the probe sample is not evaluated");
            float[] waveform = SampleAnalyzer.waveform(sample("x", "animal", "dog", pcm));
            for (EnrichmentOutcome outcome : outcomes) {
                List<Integer> random = List.of(RandomSourceLayer.draw(0, outcome.getSampleId(), 8, 5),
                        RandomSourceLayer.draw(1, outcome.getSampleId(), 8, 5));
                assertEquals(random, outcome.getRandomSourceLayers());
                List<Enrichment> rows = new ArrayList<>();
                for (double lambda : request.getLambdas()) {
                    rows.add(new Enrichment(2, 7, lambda));
                }
                for (int source : random) {
                    for (double lambda : request.getLambdas()) {
                        rows.add(new Enrichment(source, source + 5, lambda));
                    }
                }
                LensReport direct;
                try (ClipSession clip = runtime.open(waveform)) {
                    direct = clip.analyze(Attribute.ANIMAL, PromptFormat.P3, rows);
                }
                List<String> expected = direct.enrichment().stream().map(e -> e.prediction()).toList();
                assertEquals(expected.subList(0, 3), outcome.getPredictions());
                assertEquals(List.of(expected.subList(3, 6), expected.subList(6, 9)), outcome.getRandomPredictions());
                assertEquals(direct.prediction(), outcome.getPredictions().get(0), "λ = 0 is the plain answer");
            }
        }
    }

    private static void assertSameAsDirectAnalysis(LensRuntime runtime, short[] pcm, List<LayerProjection> cat) {
        float[] waveform = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            waveform[i] = pcm[i] / 32768f;
        }
        LensReport direct;
        try (ClipSession clip = runtime.open(waveform)) {
            direct = clip.analyze(Attribute.ANIMAL, PromptFormat.P3, List.of());
        }
        assertEquals(3, cat.size());
        for (LayerProjection p : cat) {
            float[][] expected = direct.view(View.valueOf(p.getView().name()));
            for (int l = 0; l < expected.length; l++) {
                float largest = 0;
                for (float value : expected[l]) {
                    largest = Math.max(largest, value);
                }
                for (int y = 0; y < expected[l].length; y++) {
                    // the worker batches the poll's clips (4 here): equal to one clip alone within 1e-5
                    assertEquals(expected[l][y], p.getLayerProbs().get(l).get(y).floatValue(), 1e-5 * largest,
                            "layer " + (l + 1));
                }
            }
            assertEquals(direct.prediction(), p.getModelPrediction());
            assertEquals("cat", p.getLabel());
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        WorkerOutputs.send(producer, Topics.SAMPLES, key, value);
    }
}
