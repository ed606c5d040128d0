package io.audiolens.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.AggregatorService;
import io.audiolens.aggregator.AggregatorSettings;
import io.audiolens.aggregator.AggregatorTopics;
import io.audiolens.aggregator.state.GroupKey;
import io.audiolens.aggregator.synthetic.SyntheticProjections;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.topics.Topics;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projections per second through the aggregator topology (exactly once, RocksDB) on the embedded broker,
 * next to plain consumers decoding the same Avro records in the same run: L = 32, |Y| = 9. Every reader reads all
 * records in warm-up rounds until the JIT compilers are nearly idle or the budget is spent ({@link JitQuiet}: its
 * code compiled, as in a monitor that runs for days), then each reads them again, timed, in passes of the three
 * readers back to back (the machine's speed drifts between passes; within one it hardly moves), and the pass with
 * the median ratio is the headline.
 */
public final class AggregatorBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(AggregatorBenchmark.class);
    static final int LAYERS = 32;
    private static final int PARTITIONS = 6;
    private static final List<String> MODELS = List.of("bench-a", "bench-b", "bench-c", "bench-d");
    private static final int LATENCY_PROJECTIONS = 1800;
    private static final double LATENCY_RATE = 300;

    /**
     * One timed pass: a plain consumer decoding with Avro's own reader, as a client of another make does, then one
     * decoding as the aggregator does ({@link io.audiolens.schemas.wire.LayerProjectionReader}), then a fresh
     * aggregator, back to back over the same records. {@code timedFrom} and {@code consumerTimedFrom}: the counts at
     * which each clock started (0: over all records). {@code cpuMicrosPerRecord}: the aggregator's stream threads'
     * CPU time per record; {@code consumerCpuMicrosPerRecord}: the plain consumer's. Unlike the rates, they hardly
     * move with what else the machine runs. {@code busyShare}: the share of the same time each of the aggregator's
     * stream threads was on a CPU; {@code commitWaitShare}: the share it waited for its commits (flush, offsets,
     * transaction commit); the rest it waited for fetched records or for a CPU.
     */
    public record Pass(long timedFrom, long consumerTimedFrom, double recordsPerSecond,
            double consumerRecordsPerSecond, double cpuMicrosPerRecord, double consumerCpuMicrosPerRecord,
            double sameDecoderRecordsPerSecond, double sameDecoderCpuMicrosPerRecord, double busyShare,
            double commitWaitShare) {
        public double ratio() {
            return recordsPerSecond / consumerRecordsPerSecond;
        }

        public double sameDecoderRatio() {
            return recordsPerSecond / sameDecoderRecordsPerSecond;
        }
    }

    /**
     * One run: its timed passes in the order run, the warm-up before them ({@code warmUp}: the rounds each reader
     * read all records, and how busy the compilers were in the last; {@code warmUpBudget}: what
     * {@code --warm-up-seconds} allowed) and the latency. The headline figures are the {@link #median} pass's, so
     * that {@code ratio} is still one pass's aggregator rate over its consumer's.
     */
    public record Result(int records, int layers, int labels, int streamThreads, List<Pass> passes,
            JitQuiet.WarmUp warmUp, Duration warmUpBudget, LatencyRun.Latency latency) {

        public Result {
            if (passes.isEmpty()) {
                throw new IllegalArgumentException("a result needs at least one timed pass");
            }
            passes = List.copyOf(passes);
        }

        /** The pass with the median ratio (of an even number, the lower of the middle two). */
        public Pass median() {
            List<Pass> byRatio = passes.stream().sorted(Comparator.comparingDouble(Pass::ratio)).toList();
            return byRatio.get((byRatio.size() - 1) / 2);
        }

        public String toJson() {
            Pass median = median();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("records", records);
            json.put("layers", layers);
            json.put("labels", labels);
            json.put("streamThreads", streamThreads);
            json.put("repeats", passes.size());
            json.put("timedFrom", median.timedFrom());
            json.put("consumerTimedFrom", median.consumerTimedFrom());
            json.put("recordsPerSecond", Math.round(median.recordsPerSecond()));
            json.put("consumerRecordsPerSecond", Math.round(median.consumerRecordsPerSecond()));
            json.put("ratio", thousandths(median.ratio()));
            json.put("ratios", passes.stream().map(pass -> thousandths(pass.ratio())).toList());
            json.put("ratioMin", passes.stream().mapToDouble(pass -> thousandths(pass.ratio())).min().orElseThrow());
            json.put("ratioMax", passes.stream().mapToDouble(pass -> thousandths(pass.ratio())).max().orElseThrow());
            json.put("cpuMicrosPerRecord", tenths(median.cpuMicrosPerRecord()));
            json.put("consumerCpuMicrosPerRecord", tenths(median.consumerCpuMicrosPerRecord()));
            json.put("streamThreadsBusyShare", thousandths(median.busyShare()));
            json.put("streamThreadsCommitWaitShare", thousandths(median.commitWaitShare()));
            json.put("sameDecoderConsumerRecordsPerSecond", Math.round(median.sameDecoderRecordsPerSecond()));
            json.put("sameDecoderRatio", thousandths(median.sameDecoderRatio()));
            json.put("sameDecoderRatios", passes.stream().map(pass -> thousandths(pass.sameDecoderRatio())).toList());
            json.put("sameDecoderConsumerCpuMicrosPerRecord", tenths(median.sameDecoderCpuMicrosPerRecord()));
            json.put("warmUpBudgetSeconds", warmUpBudget.toSeconds());
            json.put("warmUpRounds", warmUp.rounds());
            json.put("warmUpSpentSeconds", tenths(warmUp.seconds()));
            json.put("warmUpLastCompilerShare", thousandths(warmUp.lastBusyShare()));
            json.put("latencyProjections", latency.projections());
            json.put("latencyProjectionsPerSecond", Math.round(latency.perSecond()));
            json.put("latencyP50Ms", latency.p50Ms());
            json.put("latencyP99Ms", latency.p99Ms());
            json.put("latencyMaxMs", latency.maxMs());
            try {
                return new ObjectMapper().writeValueAsString(json);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String toText() {
            Pass median = median();
            String ratios = passes.stream().map(pass -> String.format("%.3f", pass.ratio()))
                    .collect(Collectors.joining(", "));
            return String.format("%d projections (L = %d, |Y| = %d), after %d warm-up round%s (%.0f s; compilers"
                    + " busy %.0f %% of the last), %d timed pass%s (ratios %s), the median one timed from record %d:"
                    + " aggregator (%d stream thread%s) %.0f/s, plain consumer %.0f/s (Avro's reader), ratio %.3f; a"
                    + " consumer decoding as the aggregator does %.0f/s, ratio %.3f%nCPU per record: aggregator's"
                    + " stream threads %.1f µs, plain consumer %.1f µs, decoding as the aggregator %.1f µs; each stream"
                    + " thread was on a CPU %.0f %% of the time and waited %.0f %% for its commits%nlatency from"
                    + " produce to the first committed"
                    + " snapshot counting it, %d projections at %.0f/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                    records, layers, labels, warmUp.rounds(), warmUp.rounds() == 1 ? "" : "s", warmUp.seconds(),
                    warmUp.lastBusyShare() * 100, passes.size(), passes.size() == 1 ? "" : "es", ratios,
                    median.timedFrom(), streamThreads, streamThreads == 1 ? "" : "s", median.recordsPerSecond(),
                    median.consumerRecordsPerSecond(), median.ratio(), median.sameDecoderRecordsPerSecond(),
                    median.sameDecoderRatio(), median.cpuMicrosPerRecord(), median.consumerCpuMicrosPerRecord(),
                    median.sameDecoderCpuMicrosPerRecord(), median.busyShare() * 100,
                    median.commitWaitShare() * 100, latency.projections(),
                    latency.perSecond(), latency.p50Ms(), latency.p99Ms(), latency.maxMs());
        }

        private static double thousandths(double value) {
            return Math.round(value * 1000) / 1000.0;
        }

        private static double tenths(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    private AggregatorBenchmark() {
    }

    /**
     * Starts a broker and registry under {@code runFolder}, sends about {@code records} projections, warms every
     * reader up, then times {@code repeats} passes; the latency is measured with the last pass's aggregator.
     */
    public static Result run(int records, int streamThreads, Duration warmUpBudget, int repeats, Path runFolder) {
        int perGroup = Math.max(1, records / (MODELS.size() * 9));
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(runFolder.resolve("platform"))) {
            AggregatorSettings settings = AggregatorSettings.defaults().withTopics(AggregatorTopics.prefixed("bench."));
            platform.createTopics(settings.topics().specs(PARTITIONS));
            int sent = MODELS.stream().mapToInt(model -> send(platform, settings.topics().projections(),
                    SyntheticProjections.generate(model, List.of(Attribute.ANIMAL), perGroup, LAYERS,
                            MODELS.indexOf(model)))).sum();
            String topic = settings.topics().projections();
            LOG.info("sent {} projections; warm-up rounds of every reader over all of them, then {} timed pass(es)",
                    sent, repeats);
            JitQuiet.WarmUp warmUp = JitQuiet.warmUp(warmUpBudget, round -> {
                PlainConsumerRun.measure(platform, topic, sent, PlainConsumerRun.Decoding.AVRO);
                PlainConsumerRun.measure(platform, topic, sent, PlainConsumerRun.Decoding.AUDIOLENS);
                timeAggregator(platform, settings, sent, streamThreads, runFolder.resolve("warm-up-" + round),
                        "bench-warm-up-" + round, timing -> null);
            });
            LOG.info("warm after {} rounds ({} s)", warmUp.rounds(), Math.round(warmUp.seconds()));
            List<Pass> passes = new ArrayList<>();
            LatencyRun.Latency latency = null;
            for (int n = 1; n <= repeats; n++) {
                boolean last = n == repeats;
                ReaderTiming consumer = PlainConsumerRun.measure(platform, topic, sent, PlainConsumerRun.Decoding.AVRO);
                ReaderTiming sameDecoder = PlainConsumerRun.measure(platform, topic, sent,
                        PlainConsumerRun.Decoding.AUDIOLENS);
                Timed timed = timeAggregator(platform, settings, sent, streamThreads,
                        runFolder.resolve("timed-" + n), "bench-timed-" + n, aggregator -> {
                    Pass measured = pass(aggregator, consumer, sameDecoder, streamThreads);
                    return new Timed(measured, last ? latency(platform, settings, measured) : null);
                });
                LOG.info("timed pass {} of {}: aggregator {}/s, plain consumer {}/s, ratio {}", n, repeats,
                        Math.round(timed.pass().recordsPerSecond()),
                        Math.round(timed.pass().consumerRecordsPerSecond()),
                        String.format("%.3f", timed.pass().ratio()));
                passes.add(timed.pass());
                if (last) {
                    latency = timed.latency();
                }
            }
            return new Result(sent, LAYERS, Attribute.ANIMAL.labels().size(), streamThreads, passes, warmUp,
                    warmUpBudget, latency);
        }
    }

    /** A pass and, for the last one, the latency measured with its aggregator still running. */
    private record Timed(Pass pass, LatencyRun.Latency latency) {}

    private static Pass pass(ReaderTiming aggregator, ReaderTiming consumer, ReaderTiming sameDecoder,
            int streamThreads) {
        // all warm, or all over all records: a ratio compares one regime
        boolean warm = aggregator.warm().isPresent() && consumer.warm().isPresent()
                && sameDecoder.warm().isPresent();
        ReaderTiming.Rate counted = aggregator.in(warm);
        ReaderTiming.Rate read = consumer.in(warm);
        ReaderTiming.Rate readAsWeDo = sameDecoder.in(warm);
        return new Pass(counted.from(), read.from(), counted.perSecond(), read.perSecond(), counted.cpuMicros(),
                read.cpuMicros(), readAsWeDo.perSecond(), readAsWeDo.cpuMicros(),
                counted.cpuMicros() * counted.perSecond() / 1e6 / streamThreads, counted.commitWait() / streamThreads);
    }

    /** Latency at a steady rate well below the throughput: fresh groups, each projection once. */
    private static LatencyRun.Latency latency(EmbeddedPlatform platform, AggregatorSettings settings, Pass pass) {
        List<LayerProjection> fresh = LatencyRun.distinct(SyntheticProjections.generate("latency",
                List.of(Attribute.ANIMAL), LATENCY_PROJECTIONS / 9, LAYERS, 99));
        double rate = Math.min(LATENCY_RATE, pass.recordsPerSecond() / 4);
        LOG.info("now {} projections at {}/s for the latency", fresh.size(), Math.round(rate));
        return LatencyRun.measure(platform, settings.topics().projections(), settings.topics().scores(), fresh, rate);
    }

    private static int send(EmbeddedPlatform platform, String topic, List<LayerProjection> projections) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        try (Serde<LayerProjection> values = Topics.PROJECTIONS.valueSerde(platform.serdeConfig());
                KafkaProducer<String, LayerProjection> producer =
                        new KafkaProducer<>(config, new StringSerializer(), values.serializer())) {
            projections.forEach(p -> producer.send(new ProducerRecord<>(topic, GroupKey.of(p).asKey(), p)));
            producer.flush();
        }
        return projections.size();
    }

    /** CPU time so far of the app's stream threads (named after its application id, then a dash). */
    private static long streamThreadsCpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId + "-") && t.getName().contains("-StreamThread-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /**
     * The app's timing from RUNNING (its group joined, its stores open) to its committed offsets reaching the end
     * of the projections topic, warm from their passing the first fifth; then, with the app still running, what
     * {@code then} makes of it.
     */
    private static <T> T timeAggregator(EmbeddedPlatform platform, AggregatorSettings settings, int records,
            int streamThreads, Path stateDir, String applicationId,
            Function<ReaderTiming, T> then) {
        try (AggregatorService service = AggregatorService.start(new AggregatorService.Options(applicationId,
                platform.kafkaCluster(), platform.serdeConfig(), stateDir, "127.0.0.1", -1, settings,
                Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads)));
                CommittedOffsets committed = new CommittedOffsets(platform.bootstrapServers(), applicationId,
                        settings.topics().projections())) {
            Polling.awaitUntil(() -> service.state() == KafkaStreams.State.RUNNING,
                    Duration.ofMinutes(2), Duration.ofMillis(5), "the aggregator to start");
            ReaderTiming.Reading start = new ReaderTiming.Reading(0, System.nanoTime(),
                    streamThreadsCpuNanos(applicationId), service.commitWaitNanos());
            long[] count = {0};
            Polling.awaitUntil(() -> (count[0] = committed.total()) >= ReaderTiming.warmUp(records),
                    Duration.ofMinutes(30), Duration.ofMillis(20), "the aggregator to commit the first "
                            + ReaderTiming.warmUp(records) + " projections");
            ReaderTiming.Reading warm = new ReaderTiming.Reading(count[0], System.nanoTime(),
                    streamThreadsCpuNanos(applicationId), service.commitWaitNanos());
            Polling.awaitUntil(() -> committed.total() >= records, Duration.ofMinutes(30), Duration.ofMillis(20),
                    "the aggregator to commit all " + records + " projections");
            return then.apply(ReaderTiming.of(start, warm, new ReaderTiming.Reading(records, System.nanoTime(),
                    streamThreadsCpuNanos(applicationId), service.commitWaitNanos())));
        }
    }
}
