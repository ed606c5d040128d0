package io.audiolens.worker.service;

import static io.audiolens.worker.service.WorkerOutputs.producer;
import static io.audiolens.worker.service.WorkerOutputs.sample;
import static io.audiolens.worker.service.WorkerOutputs.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.audio.WavDecoder;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.embedded.junit.CommittedOffsets;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.DeadLetter;
import io.audiolens.schemas.EnrichmentRequest;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.PromptFormat;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import io.audiolens.schemas.wire.RegistryPatience;
import io.audiolens.schemas.wire.RegistryUnavailableException;
import io.audiolens.telemetry.Health;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.testing.TcpRelay;
import io.audiolens.worker.testing.TinyReference;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every topic the worker reads, on the real broker and registry: each unusable record is one
 * dead letter naming it and why, the rest is analysed, and a registry that does not answer stops the worker
 * (saying so, on /healthz too) without dead-lettering or losing anything. Each test runs the tiny model under
 * a name of its own, so that it sees only its own enrichment requests.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class WorkerBadInputTest {

    private static final RegistryPatience QUICK = new RegistryPatience(3, Duration.ofMillis(100));

    @TempDir
    Path folder;

    private String run;
    private ModelLocation model;
    private short[] speech;

    @BeforeEach
    void nameTheModelForThisTest() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        model = ModelLocation.folder(Files.createSymbolicLink(folder.resolve("tiny-" + run), TinyReference.FOLDER));
        speech = WavDecoder.decode(TinyReference.FOLDER.resolve("audio.wav")).pcm16();
    }

    @Test
    void shouldDeadLetterEveryRecordItCannotUseOnceAndAnalyseTheRest(EmbeddedPlatform platform) throws Exception {
        Serializer<AudioSample> samples = Topics.SAMPLES.valueSerde(platform.serdeConfig()).serializer();
        Serializer<EnrichmentRequest> requests = Topics.ENRICHMENT_REQUESTS.valueSerde(platform.serdeConfig()).serializer();
        byte[] good = samples.serialize(Topics.SAMPLES.name(), sample(run + "/dog", "animal", "dog", speech));
        byte[] huge = hugeSample(samples);
        String requestKey = run + "/requests";
        try (KafkaProducer<String, byte[]> producer = producer(platform)) {
            var hugeAt = send(producer, Topics.SAMPLES, run + "/huge", huge);
            send(producer, Topics.SAMPLES, run + "/dog", good);
            send(producer, Topics.SAMPLES, run + "/silent", samples.serialize(Topics.SAMPLES.name(),
                    sample(run + "/silent", "animal", "cat", new short[16_000])));
            send(producer, Topics.SAMPLES, run + "/json", "{\"sampleId\": \"x\"}".getBytes(StandardCharsets.UTF_8));
            send(producer, Topics.SAMPLES, run + "/short", new byte[] {0, 0, 1});
            send(producer, Topics.SAMPLES, run + "/unknown-id", new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4});
            send(producer, Topics.SAMPLES, run + "/garbage", garbageBody(good));
            send(producer, Topics.SAMPLES, run + "/tombstone", null);
            AudioSample eightKilohertz = sample(run + "/8khz", "animal", "dog", speech);
            eightKilohertz.setSampleRate(8_000);
            send(producer, Topics.SAMPLES, run + "/8khz", samples.serialize(Topics.SAMPLES.name(), eightKilohertz));
            AudioSample odd = sample(run + "/odd", "animal", "dog", new short[0]);
            odd.setPcm16(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
            send(producer, Topics.SAMPLES, run + "/odd", samples.serialize(Topics.SAMPLES.name(), odd));

            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, "not a request".getBytes(StandardCharsets.UTF_8));
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2});
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, garbageBody(requests.serialize("",
                    request(2, 7, 8, List.of(0.0)))));
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, requests.serialize("", request(2, 7, 32, List.of(0.0))));
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, requests.serialize("", request(2, 9, 8, List.of(0.0))));
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, requests.serialize("", request(2, 7, 8, List.of())));
            EnrichmentRequest otherModel = request(2, 7, 32, List.of(0.0));
            otherModel.setModel("other-" + run);
            send(producer, Topics.ENRICHMENT_REQUESTS, requestKey, requests.serialize("", otherModel));
            send(producer, Topics.ENRICHMENT_REQUESTS, model.name() + "|animal|P1",
                    requests.serialize("", request(2, 7, 8, List.of(0.0, 1.0))));

            try (LensRuntime runtime = load();
                    WorkerOutputs outputs = new WorkerOutputs(platform, run)) {
                try (RunningWorker worker = start(platform, platform.serdeConfig(), runtime, RegistryPatience.DEFAULT)) {
                    outputs.awaitUntil(() -> outputs.projections().size() >= 2 * 3 && outputs.outcomes().size() >= 2
                            && outputs.deadLetters().size() >= 8 + 6, "6 projections, 2 outcomes, 14 dead letters", worker.worker);
                }
                assertDeadLetter(outputs, "huge", "worker/analyze", "unknown attribute 'colour'");
                DeadLetter hugeLetter = outputs.deadLettersOf(run + "/huge").get(0);
                assertNull(hugeLetter.getOriginalValue());
                assertTrue(hugeLetter.getReason().contains("the original value's " + huge.length + " bytes are not"
                        + " attached: with them the dead letter would be over the 1000000-byte record limit; the original"
                        + " stays at audiolens.samples-" + hugeAt.partition() + "@" + hugeAt.offset()), hugeLetter.getReason());
                assertDeadLetter(outputs, "json", "worker/deserialize",
                        "not an AudioSample: the value does not start with the wire format's magic byte 0 (it starts 0x7b2273616d706c65)");
                assertDeadLetter(outputs, "short", "worker/deserialize", "the value's 3 bytes are too few for the registry wire format");
                assertDeadLetter(outputs, "unknown-id", "worker/deserialize",
                        "schema id 2147483632 is not in the schema registry at " + platform.serdeConfig().registryUrl());
                assertDeadLetter(outputs, "garbage", "worker/deserialize", "the value does not decode as AudioSample with schema id");
                assertDeadLetter(outputs, "tombstone", "worker/deserialize", "the record has no value");
                assertDeadLetter(outputs, "8khz", "worker/analyze", "sample rate 8000 Hz; producers send 16000 Hz");
                assertDeadLetter(outputs, "odd", "worker/analyze", "pcm16 payload of 3 bytes is empty or odd-sized");

                List<String> reasons = outputs.deadLettersOf(requestKey).stream().map(DeadLetter::getReason).toList();
                assertEquals(6, reasons.size(), reasons.toString());
                String worker = "(worker audiolens-worker-bad-" + run + ")";
                assertTrue(reasons.stream().allMatch(r -> r.endsWith(worker)), reasons.toString());
                assertTrue(reasons.get(0).startsWith("not an EnrichmentRequest: the value does not start with the wire"
                        + " format's magic byte 0"), reasons.get(0));
                assertTrue(reasons.get(1).startsWith("not an EnrichmentRequest: schema id 2147483632 is not in"), reasons.get(1));
                assertTrue(reasons.get(2).startsWith("not an EnrichmentRequest: the value does not decode as"
                        + " EnrichmentRequest with schema id"), reasons.get(2));
                assertTrue(reasons.get(3).startsWith("enrichment request " + requestKey + " cannot be carried out: it is"
                        + " for a model of 32 layers, but " + model.name() + " here has 8"), reasons.get(3));
                assertTrue(reasons.get(4).contains("source layer 2 and target layer 9 must satisfy 1 <= source < target"
                        + " <= 8"), reasons.get(4));
                assertTrue(reasons.get(5).contains("its λ grid [] must hold at least one finite λ"), reasons.get(5));
                outputs.deadLettersOf(requestKey).forEach(l -> assertEquals(EnrichmentRequestWatcher.STAGE, l.getStage()));

                assertEquals(6, outputs.projections().size(), "dog and silent, each in 3 views of P1");
                for (LayerProjection silent : outputs.projectionsOf(run + "/silent")) {
                    assertTrue(silent.getLayerProbs().stream().flatMap(List::stream)
                            .allMatch(p -> Double.isFinite(p) && p >= 0 && p <= 1), silent.toString());
                }
                assertEquals(List.of(run + "/dog", run + "/silent"), outputs.outcomes().stream()
                        .map(o -> o.getSampleId()).sorted().toList(), "8khz and odd are covered but dead-lettered");

                try (KafkaProducer<String, byte[]> late = producer(platform);
                        RunningWorker restarted = start(platform, platform.serdeConfig(), runtime, RegistryPatience.DEFAULT)) {
                    send(late, Topics.ENRICHMENT_REQUESTS, requestKey, requests.serialize("", request(1, 8, 32, List.of(1.0))));
                    outputs.awaitUntil(() -> outputs.deadLettersOf(requestKey).size() >= 7,
                            "the restarted worker's dead letter for a new bad request", restarted.worker);
                }
                outputs.poll();
                assertEquals(7, outputs.deadLettersOf(requestKey).size(), "a restart reports none of the earlier six again");
                assertEquals(8 + 7, outputs.deadLetters().size());
            }
        }
    }

    @Test
    void shouldStopNamingTheRegistryThatDoesNotAnswerAndLeaveTheRecordForTheNextStart(EmbeddedPlatform platform)
            throws Exception {
        SerdeConfig nowhere = SerdeConfig.forRegistry("http://127.0.0.1:" + closedPort());
        try (KafkaProducer<String, byte[]> producer = producer(platform);
                LensRuntime runtime = load();
                WorkerOutputs outputs = new WorkerOutputs(platform, run)) {
            send(producer, Topics.SAMPLES, run + "/dog", Topics.SAMPLES.valueSerde(platform.serdeConfig()).serializer()
                    .serialize(Topics.SAMPLES.name(), sample(run + "/dog", "animal", "dog", speech)));
            RuntimeException stopped;
            try (RunningWorker running = start(platform, nowhere, runtime, QUICK)) {
                InferenceWorker worker = running.worker;
                stopped = running.awaitStop();
                assertFalse(worker.health().liveness().ok());
                assertTrue(worker.health().liveness().detail().contains("did not answer"), worker.health().liveness().detail());
            }
            assertTrue(stopped.getMessage().contains("the schema registry at " + nowhere.registryUrl() + " did not answer for"
                    + " 200 ms (3 attempts: ConnectException) while "), stopped.getMessage());
            assertTrue(stopped.getMessage().endsWith(": start the registry or check the registry URL"), stopped.getMessage());

            try (RunningWorker again = start(platform, platform.serdeConfig(), runtime, QUICK)) {
                outputs.awaitUntil(() -> outputs.projections().size() >= 3, "the sample's projections after a restart", again.worker);
            }
            assertEquals(List.of(), outputs.deadLetters());
        }
    }

    @Test
    void shouldStopTheWholeWorkerWhenAnEnrichmentLoopCannotReachTheRegistryAndServeWhy(EmbeddedPlatform platform)
            throws Exception {
        URI registry = URI.create(platform.serdeConfig().registryUrl());
        Serializer<AudioSample> samples = Topics.SAMPLES.valueSerde(platform.serdeConfig()).serializer();
        Serializer<EnrichmentRequest> requests = Topics.ENRICHMENT_REQUESTS.valueSerde(platform.serdeConfig()).serializer();
        String loop = model.name() + "|animal|P1";
        try (KafkaProducer<String, byte[]> producer = producer(platform);
                LensRuntime runtime = load();
                WorkerOutputs outputs = new WorkerOutputs(platform, run);
                TcpRelay relay = TcpRelay.to(registry.getHost(), registry.getPort())) {
            SerdeConfig relayed = SerdeConfig.forRegistry("http://127.0.0.1:" + relay.port());
            RuntimeException stopped;
            try (RunningWorker running = start(platform, relayed, runtime, QUICK)) {
                InferenceWorker worker = running.worker;
                send(producer, Topics.SAMPLES, run + "/before", samples.serialize("", sample(run + "/before", "animal", "dog", speech)));
                send(producer, Topics.ENRICHMENT_REQUESTS, run + "/not-this-model",
                        requests.serialize("", request(2, 7, 32, List.of(0.0))));
                outputs.awaitUntil(() -> outputs.projections().size() >= 3 && outputs.deadLetters().size() >= 1,
                        "the first sample's projections and the dead letter of a request that does not fit", worker);
                // every record so far read, so that the relay's end spares nothing but what this test sends next
                CommittedOffsets.awaitAtEnd(platform, "workers-" + run, Topics.SAMPLES.name(), Duration.ofSeconds(60));
                CommittedOffsets.awaitAtEnd(platform, EnrichmentRequestWatcher.group("audiolens-worker-bad-" + run),
                        Topics.ENRICHMENT_REQUESTS.name(), Duration.ofSeconds(60));

                relay.close();
                send(producer, Topics.SAMPLES, run + "/during", samples.serialize("", sample(run + "/during", "animal", "cat", speech)));
                outputs.awaitUntil(() -> outputs.projections().size() >= 6,
                        "projections of a sample sent while the registry is away: its schema id is known", worker);
                send(producer, Topics.ENRICHMENT_REQUESTS, loop, requests.serialize("", request(2, 7, 8, List.of(0.0, 1.0))));
                stopped = running.awaitStop();
                Health.Status alive = worker.health().liveness();
                assertFalse(alive.ok());
                assertEquals(stopped.getMessage(), alive.detail());
                assertFalse(worker.health().readiness().ok());
            }
            assertInstanceOf(WorkerStoppedException.class, stopped);
            assertTrue(stopped.getMessage().startsWith("worker bad-" + run + " stopped: the enrichment loop " + loop
                    + " failed: the schema registry at " + relayed.registryUrl() + " did not answer for 200 ms"),
                    stopped.getMessage());
            assertInstanceOf(RegistryUnavailableException.class, stopped.getCause());
            assertEquals(1, outputs.deadLetters().size(), "nothing dead-lettered for want of the registry");

            try (RunningWorker again = start(platform, platform.serdeConfig(), runtime, QUICK)) {
                outputs.awaitUntil(() -> outputs.outcomes().size() >= 2, "both samples' outcomes after a restart", again.worker);
            }
            assertEquals(List.of(run + "/before", run + "/during"),
                    outputs.outcomes().stream().map(o -> o.getSampleId()).sorted().toList());
            assertEquals(6, outputs.projections().size(), "the restart analyses no sample twice");
        }
    }

    private LensRuntime load() {
        return LensRuntime.load(model, ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE);
    }

    /** A worker (id {@code bad-<run>}) on a thread of its own: prompt P1, every view. */
    private RunningWorker start(EmbeddedPlatform platform, SerdeConfig serdes, LensRuntime runtime,
            RegistryPatience patience) {
        WorkerSettings settings = new WorkerSettings(platform.kafkaCluster(), serdes, model.folder(),
                ComputeDevice.cpu(), LabelTokenMode.LEADING_SPACE, List.of(io.audiolens.worker.prompt.PromptFormat.P1),
                List.of(View.values()), "bad-" + run, "workers-" + run);
        return new RunningWorker(new InferenceWorker(settings, runtime, new SimpleMeterRegistry(), patience));
    }

    private static final class RunningWorker implements AutoCloseable {
        final InferenceWorker worker;
        private final Thread thread;
        private final AtomicReference<RuntimeException> ended = new AtomicReference<>();

        RunningWorker(InferenceWorker worker) {
            this.worker = worker;
            this.thread = new Thread(() -> {
                try {
                    worker.run();
                } catch (RuntimeException e) {
                    ended.set(e);
                }
            }, "worker-under-test");
            thread.start();
        }

        /** What {@link InferenceWorker#run()} threw when it stopped by itself. */
        RuntimeException awaitStop() {
            Polling.awaitUntil(() -> !thread.isAlive(), Duration.ofSeconds(60), Duration.ofMillis(20),
                    "the worker to stop by itself");
            assertTrue(ended.get() != null, "the worker stopped without an exception");
            return ended.get();
        }

        @Override
        public void close() throws InterruptedException {
            worker.close();
            thread.join();
        }
    }

    private EnrichmentRequest request(int source, int target, int layers, List<Double> lambdas) {
        return EnrichmentRequest.newBuilder().setModel(model.name()).setAttribute("animal").setPrompt(PromptFormat.P1)
                .setSourceLayer(source).setTargetLayer(target).setLambdas(lambdas).setRandomSeeds(List.of(3L))
                .setProbeSize(1).setLayers(layers).build();
    }

    /** An animal sample of attribute 'colour' just under the broker's 1 MiB record size, as the registry serde writes it. */
    private byte[] hugeSample(Serializer<AudioSample> samples) {
        int target = 1_048_400;
        int header = samples.serialize(Topics.SAMPLES.name(), sample(run + "/huge", "colour", "red", new short[0])).length;
        byte[] huge = samples.serialize(Topics.SAMPLES.name(),
                sample(run + "/huge", "colour", "red", new short[(target - header - 3) / 2]));
        assertTrue(huge.length > 1_048_000 && huge.length <= target, huge.length + " bytes");
        return huge;
    }

    /** The wire header of a real sample, then bytes that are no Avro body. */
    private static byte[] garbageBody(byte[] sample) {
        byte[] garbage = Arrays.copyOf(sample, 5 + 12);
        Arrays.fill(garbage, 5, garbage.length, (byte) 0xff);
        return garbage;
    }

    private void assertDeadLetter(WorkerOutputs outputs, String name, String stage, String reason) {
        List<DeadLetter> letters = outputs.deadLettersOf(run + "/" + name);
        assertEquals(1, letters.size(), name + ": " + letters);
        assertEquals(stage, letters.get(0).getStage(), name);
        assertEquals(Topics.SAMPLES.name(), letters.get(0).getOriginalTopic());
        assertTrue(letters.get(0).getReason().contains(reason), name + ": " + letters.get(0).getReason());
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
