package io.audiolens.aggregator.meters;

import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.MonitorAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The aggregator's own operator meters. Counters count what this process did since it started (the
 * Prometheus convention: {@code rate()} over them, resets on restart are expected); under exactly-once a
 * transaction that is later aborted has already been counted, so they may run slightly ahead of the
 * exact metrics, which are the topics and {@code /metrics.json}.
 */
public final class AggregatorMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> drift = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> active = new ConcurrentHashMap<>();
    /** The per-record counters by stage, key and outcome: looked up once, not built on every record. */
    private final Map<List<String>, Counter> records = new ConcurrentHashMap<>();

    public AggregatorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for tests of the topology alone. */
    public static AggregatorMeters unexported() {
        return new AggregatorMeters(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One input record of {@code stage} (projections, outcomes) for {@code key}: counted, duplicate or rejected. */
    public void record(String stage, String key, String outcome) {
        counter(stage, key, outcome).increment();
    }

    /**
     * {@link #record} for one stage and outcome, for one thread (a processor's): its counters by key in a plain map,
     * so that a record costs a lookup by its key alone.
     */
    public KeyedCounter records(String stage, String outcome) {
        return new KeyedCounter(key -> counter(stage, key, outcome));
    }

    private Counter counter(String stage, String key, String outcome) {
        return records.computeIfAbsent(List.of(stage, key, outcome), k -> Counter.builder("audiolens.aggregator.records")
                .description("input records by key and what became of them")
                .tags("stage", stage, "key", key, "outcome", outcome).register(registry));
    }

    public void deadLetter(String stage) {
        Counter.builder("audiolens.dead.letters").description("records sent to the dead-letter topic")
                .tags("stage", stage).register(registry).increment();
    }

    public void late(String group) {
        Counter.builder("audiolens.monitor.late.records").description("projections that arrived after their window closed")
                .tags("group", group).register(registry).increment();
    }

    public void alert(String group, MonitorAlert alert) {
        Counter.builder("audiolens.monitor.alerts").description("drift alerts sent")
                .tags("group", group, "signal", name(alert.getSignal()), "kind", alert.getKind().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** The latest closed window's distance and whether the signal's alert is active, as gauges. */
    public void evaluated(String group, DriftSignal signal, double value, boolean alertActive) {
        gauge("audiolens.monitor.drift", "latest evaluated window's distance to the baseline", drift, group, signal)
                .set(value);
        gauge("audiolens.monitor.alert.active", "1 while the signal's drift alert is raised", active, group, signal)
                .set(alertActive ? 1.0 : 0.0);
    }

    private AtomicReference<Double> gauge(String name, String description, Map<String, AtomicReference<Double>> holders,
            String group, DriftSignal signal) {
        return holders.computeIfAbsent(group + "/" + signal, k -> {
            AtomicReference<Double> holder = new AtomicReference<>(0.0);
            Gauge.builder(name, holder, AtomicReference::get).description(description)
                    .tags("group", group, "signal", name(signal)).register(registry);
            return holder;
        });
    }

    private static String name(DriftSignal signal) {
        return signal.name().toLowerCase(Locale.ROOT);
    }
}
