package io.audiolens.worker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.audio.WavDecoder;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.topics.Topic;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
            producer.flush();
        }
        WorkerSettings settings = new WorkerSettings(platform.kafkaCluster(), platform.serdeConfig(),
                TinyReference.FOLDER, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE, PROMPTS, List.of(View.values()),
                "test-" + run, "workers-" + run);
        List<LayerProjection> projections = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        try (LensRuntime runtime = LensRuntime.load(TinyReference.FOLDER, ComputeDevice.cpu().device(),
                ComputeDevice.cpu().dataType(), LabelTokenMode.LEADING_SPACE);
                InferenceWorker worker = new InferenceWorker(settings, runtime)) {
            Thread thread = new Thread(worker, "worker-under-test");
            thread.start();
            try (KafkaConsumer<String, byte[]> p = consumer(platform, Topics.PROJECTIONS);
                    KafkaConsumer<String, byte[]> d = consumer(platform, Topics.DEAD_LETTERS)) {
                var projectionValues = Topics.PROJECTIONS.valueSerde(platform.serdeConfig()).deserializer();
                var letterValues = Topics.DEAD_LETTERS.valueSerde(platform.serdeConfig()).deserializer();
                Polling.awaitUntil(() -> {
                    worker.failure().ifPresent(e -> {
                        throw new AssertionError("the worker died", e);
                    });
                    for (ConsumerRecord<String, byte[]> r : p.poll(Duration.ofMillis(200))) {
                        LayerProjection value = projectionValues.deserialize(r.topic(), r.value());
                        if (value.getSampleId().startsWith(run)) {
                            projections.add(value);
                        }
                    }
                    for (ConsumerRecord<String, byte[]> r : d.poll(Duration.ofMillis(50))) {
                        if (r.key() != null && r.key().startsWith(run)) {
                            deadLetters.add(letterValues.deserialize(r.topic(), r.value()));
                        }
                    }
                    return projections.size() >= 3 * 2 * 3 && deadLetters.size() >= 4;
                }, Duration.ofSeconds(90), Duration.ofMillis(10), "18 projections and 4 dead letters");
                p.poll(Duration.ofSeconds(1)).forEach(r -> projections.add(projectionValues.deserialize(r.topic(), r.value())));
            }
            assertEquals(18, projections.stream().filter(x -> x.getSampleId().startsWith(run)).count());
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
            producer.flush();
        }
        WorkerSettings settings = new WorkerSettings(platform.kafkaCluster(), platform.serdeConfig(),
                TinyReference.FOLDER, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE, List.of(PromptFormat.P3),
                List.of(View.LAST), "enrich-" + run, "workers-" + run);
        List<EnrichmentOutcome> outcomes = new ArrayList<>();
        try (LensRuntime runtime = LensRuntime.load(TinyReference.FOLDER, ComputeDevice.cpu().device(),
                ComputeDevice.cpu().dataType(), LabelTokenMode.LEADING_SPACE);
                InferenceWorker worker = new InferenceWorker(settings, runtime);
                KafkaConsumer<String, byte[]> o = consumer(platform, Topics.ENRICHMENT_OUTCOMES)) {
            new Thread(worker, "worker-under-test").start();
            try (KafkaProducer<String, byte[]> producer = producer(platform)) {
                String topic = Topics.ENRICHMENT_REQUESTS.name();
                producer.send(new ProducerRecord<>(topic, "qwen2audio-tiny-a|animal|P3",
                        Topics.ENRICHMENT_REQUESTS.valueSerde(platform.serdeConfig()).serializer().serialize(topic, request)));
                send(producer, run + "/future", samples.serialize(Topics.SAMPLES.name(), sample(run + "/future", "animal", "cow", pcm)));
                producer.flush();
            }
            var values = Topics.ENRICHMENT_OUTCOMES.valueSerde(platform.serdeConfig()).deserializer();
            Polling.awaitUntil(() -> {
                worker.failure().ifPresent(e -> {
                    throw new AssertionError("the worker died", e);
                });
                for (ConsumerRecord<String, byte[]> r : o.poll(Duration.ofMillis(200))) {
                    EnrichmentOutcome value = values.deserialize(r.topic(), r.value());
                    if (value.getSampleId().startsWith(run)) {
                        outcomes.add(value);
                    }
                }
                return outcomes.size() >= 2;
            }, Duration.ofSeconds(90), Duration.ofMillis(10), "outcomes for the past and the future test sample");
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
                for (int y = 0; y < expected[l].length; y++) {
                    assertEquals(expected[l][y], p.getLayerProbs().get(l).get(y).floatValue(), "layer " + (l + 1));
                }
            }
            assertEquals(direct.prediction(), p.getModelPrediction());
            assertEquals("cat", p.getLabel());
        }
    }

    private static AudioSample sample(String id, String attribute, String label, short[] pcm) {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            bytes.putShort(s);
        }
        return AudioSample.newBuilder().setSampleId(id).setDataset("worker-test").setAttribute(attribute)
                .setLabel(label).setSplit(Split.TEST).setSampleRate(16000).setPcm16(bytes.flip())
                .setDurationSeconds(pcm.length / 16000.0).setSource("test").build();
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.SAMPLES.name(), key, value));
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedPlatform platform) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedPlatform platform, Topic<?> topic) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        c.subscribe(List.of(topic.name()));
        return c;
    }
}
