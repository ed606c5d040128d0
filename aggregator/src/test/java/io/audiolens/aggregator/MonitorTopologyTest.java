package io.audiolens.aggregator;

import static io.audiolens.schemas.PromptFormat.P1;
import static io.audiolens.schemas.Split.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.aggregator.metrics.GroupMetrics;
import io.audiolens.aggregator.monitor.GroupView;
import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.aggregator.monitor.Readings;
import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.AlertKind;
import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.MonitorAlert;
import io.audiolens.schemas.MonitorBaseline;
import io.audiolens.schemas.MonitorWindow;
import io.audiolens.schemas.View;
import io.audiolens.schemas.WindowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The label-free monitor through the topology: windows, settle layers, late records, baselines and alert
 * episodes. Expected values are worked out by hand in the comments, or computed here a second way.
 */
class MonitorTopologyTest {

    private static final double EXACT = 1e-12;
    private static final Group GROUP = Group.of("m-monitor", "animal", P1, View.LAST, "a", "b", "c");
    private static final String KEY = GROUP.key();
    /** 10 s windows, 5 s grace; baseline of 3 windows; at least 4 samples; 2 in a row; thresholds 0.1 / 0.1·L / 0.1. */
    private static final MonitorSettings MONITOR = MonitorSettings.defaults()
            .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(5)).withBaseline(3, 4, 2);

    /**
     * Event time 0 of these tests. The test driver runs every sub-topology in one task, so the score
     * snapshots, stamped with the (mocked) wall clock, would advance the monitor's stream time to today;
     * events after that keep stream time their own, as they are in a deployed app.
     */
    private static final long BASE = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    private AggregatorDriver driver() {
        return new AggregatorDriver(AggregatorDriver.settings(100).withMonitor(MONITOR), stateDir);
    }

    @Test
    void shouldReadAnswerAgreementSettleLayerMarginAndEntropyWithoutLabels() {
        try (AggregatorDriver driver = driver()) {
            driver.project(GROUP.unlabelled("s1", "c", "baac"), at(1_000)); // answer c, agreement 0001, settles at 4
            driver.project(GROUP.unlabelled("s2", "b", "abbb"), at(2_000)); // answer b, agreement 0111, settles at 2
            driver.project(GROUP.unlabelled("s3", "b", "bbbb"), at(3_000)); // answer b, agreement 1111, settles at 1
            driver.project(GROUP.unlabelled("s4", "b", "abab"), at(4_000)); // answer b, agreement 0101, settles at 4
            driver.publish();

            MonitorWindow window = last(driver.windows(), KEY + "@" + BASE);
            assertEquals(WindowStatus.OPEN, window.getStatus());
            assertEquals(4, window.getReadings().getSamples());
            assertEquals(List.of(0L, 3L, 1L), window.getReadings().getAnswers());
            assertEquals(List.of(1L, 3L, 2L, 4L), window.getReadings().getAgreementHits());
            assertEquals(List.of(0.25, 0.75, 0.5, 1.0), window.getReadings().getAgreement());
            assertEquals(List.of(1L, 1L, 0L, 2L), window.getReadings().getSettleLayers());
            assertEquals((4 + 2 + 1 + 4) / 4.0, window.getReadings().getMeanSettleLayer(), EXACT);
            // every row reads one label at 0.5 and the two others at 0.225: renormalised over the labels
            // 0.5 / 0.95 and 0.225 / 0.95, so the margin is 0.275 / 0.95 and every layer has the same entropy
            double margin = 0.275 / 0.95;
            assertEquals(Math.round(margin * 1e6) / 1e6, window.getReadings().getMeanMargin(), EXACT);
            double top = 0.5 / 0.95;
            double other = 0.225 / 0.95;
            double entropy = -(top * Math.log(top) + 2 * other * Math.log(other)) / Math.log(3);
            for (Double layer : window.getReadings().getEntropy()) {
                assertEquals(Math.round(entropy * 1e6) / 1e6, layer, EXACT);
            }
        }
    }

    @Test
    void shouldPutRecordsWithinGraceInTheirWindowAndCountLaterOnesAsLate() {
        try (AggregatorDriver driver = driver()) {
            driver.project(GROUP.unlabelled("s1", "a", "aaaa"), at(1_000)); // window [0, 10 s)
            driver.project(GROUP.unlabelled("s2", "a", "aaaa"), at(9_999)); // still [0, 10 s)
            driver.project(GROUP.unlabelled("s3", "a", "aaaa"), at(12_000)); // [10, 20 s); stream time 12 s
            driver.project(GROUP.unlabelled("s4", "b", "bbbb"), at(8_000)); // late but within grace: 10 + 5 > 12
            driver.project(GROUP.unlabelled("s5", "a", "aaaa"), at(16_000)); // stream time 16 s: [0, 10 s) closes at 15
            driver.project(GROUP.unlabelled("s6", "b", "bbbb"), at(9_000)); // after 10 + 5 <= 16: late
            driver.project(GROUP.unlabelled("s7", "b", "bbbb"), at(14_900)); // [10, 20 s) is open until 25 s
            driver.publish();

            GroupView group = driver.monitor().groups().get(0);
            assertEquals(1, group.lateRecords());
            assertEquals(List.of(BASE, BASE + 10_000L), group.windows().stream().map(GroupView.WindowView::start).toList());
            GroupView.WindowView first = group.windows().get(0);
            assertEquals(3, first.readings().samples(), "s1, s2 and s4, which came within the grace");
            assertEquals(List.of(2L, 1L, 0L), first.readings().answers());
            assertEquals(1, first.late(), "s6, reported with its window, not in its readings");
            assertEquals(WindowStatus.TOO_FEW_SAMPLES, first.status(), "closed with 3 < 4 samples");
            assertEquals(WindowStatus.OPEN, group.windows().get(1).status());
            assertEquals(3, group.windows().get(1).readings().samples(), "s3, s5 and s7");
            MonitorWindow published = last(driver.windows(), KEY + "@" + BASE);
            assertEquals(1, published.getLateRecords());
            assertEquals(WindowStatus.TOO_FEW_SAMPLES, published.getStatus());
        }
    }

    @Test
    void shouldRaiseNothingOnAStableStreamAndOneAlertAndOneRecoveryPerEpisode() throws Exception {
        // answers per 10 s window: 5 stable ones (the first 3 are the baseline), 3 shifted, 4 stable again
        List<int[]> mixes = new ArrayList<>();
        int[][] stable = {{20, 12, 8}, {19, 13, 8}, {21, 11, 8}, {20, 11, 9}, {19, 12, 9}};
        mixes.addAll(List.of(stable));
        mixes.addAll(List.of(new int[] {5, 5, 30}, new int[] {4, 6, 30}, new int[] {6, 4, 30}));
        mixes.addAll(List.of(new int[] {20, 12, 8}, new int[] {21, 12, 7}, new int[] {20, 13, 7}, new int[] {19, 12, 9}));
        try (AggregatorDriver driver = driver()) {
            sendWindows(driver, mixes);
            driver.project(GROUP.unlabelled("closer", "a", "aaaa"), at(200_000)); // closes every window up to 185 s
            driver.publish();

            List<MonitorAlert> alerts = driver.alerts().stream().map(kv -> kv.value).toList();
            assertEquals(2, alerts.size(), () -> "one RAISED and one RECOVERED: " + alerts);
            MonitorAlert raised = alerts.get(0);
            assertEquals(AlertKind.RAISED, raised.getKind());
            assertEquals(DriftSignal.ANSWER_MIX, raised.getSignal());
            assertEquals(at(50_000), raised.getRunStart(), "the first shifted window");
            assertEquals(at(60_000), raised.getWindowStart(), "the second in a row decides");
            // baseline: windows 0–2 pooled = (60, 36, 24) of 120; the deciding window (4, 6, 30)
            assertEquals(jensenShannonByEntropies(new long[] {60, 36, 24}, new long[] {4, 6, 30}), raised.getValue(), 1e-12);
            assertEquals(0.1, raised.getThreshold());
            assertEquals(120, raised.getBaseline().getSamples());
            MonitorAlert recovered = alerts.get(1);
            assertEquals(AlertKind.RECOVERED, recovered.getKind());
            assertEquals(DriftSignal.ANSWER_MIX, recovered.getSignal());
            assertEquals(at(80_000), recovered.getRunStart());
            assertEquals(at(90_000), recovered.getWindowStart());

            Map<Long, MonitorWindow> windows = finalWindows(driver.windows());
            assertEquals(List.of(WindowStatus.BASELINE, WindowStatus.BASELINE, WindowStatus.BASELINE),
                    List.of(windows.get(0L).getStatus(), windows.get(10_000L).getStatus(), windows.get(20_000L).getStatus()));
            for (long start = 30_000; start <= 110_000; start += 10_000) {
                MonitorWindow window = windows.get(start);
                assertEquals(WindowStatus.EVALUATED, window.getStatus(), "window " + start);
                assertEquals(0.0, window.getDrift().getSettleShift(), "every sample settles at layer 1");
                assertEquals(0.0, window.getDrift().getAgreement(), "every layer reads the answer");
            }
            // the stable windows stay far below the threshold: (20, 11, 9) against (60, 36, 24)
            assertEquals(jensenShannonByEntropies(new long[] {60, 36, 24}, new long[] {20, 11, 9}),
                    windows.get(30_000L).getDrift().getAnswerMix(), 1e-12);
            assertTrue(windows.get(30_000L).getDrift().getAnswerMix() < 0.01);
            assertNull(windows.get(200_000L), "the closer's window is still open: nothing later closed it");

            // /monitor.json speaks the lower-case ids of projections.jsonl, the topic keys and the CLI
            JsonNode group = new ObjectMapper().readTree(driver.monitor().toJson()).get("groups").get(0);
            assertEquals("last", group.get("view").asText());
            assertEquals("P1", group.get("prompt").asText());
            assertEquals(List.of("answer_mix", "settle_layer", "agreement"), fieldNames(group.get("signals")));
            assertEquals(List.of("raised", "answer_mix", "recovered", "answer_mix"), List.of(
                    group.get("alerts").get(0).get("kind").asText(), group.get("alerts").get(0).get("signal").asText(),
                    group.get("alerts").get(1).get("kind").asText(), group.get("alerts").get(1).get("signal").asText()));
            List<String> statuses = new ArrayList<>();
            group.get("windows").forEach(w -> statuses.add(w.get("status").asText()));
            assertEquals(List.of("baseline", "baseline", "baseline"), statuses.subList(0, 3));
            assertEquals("open", statuses.get(statuses.size() - 1), statuses.toString());
            assertTrue(statuses.subList(3, statuses.size() - 1).stream().allMatch("evaluated"::equals), statuses.toString());
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldAlertOnALaterSettleLayerAndItsAgreementCurveWhenTheAnswersStayTheSame() {
        try (AggregatorDriver driver = driver()) {
            long t = 0;
            for (int window = 0; window < 6; window++) {
                String readout = window < 3 ? "aaaa" : "bbaa"; // settles at 1, then at 3
                for (int n = 0; n < 4; n++) {
                    driver.project(GROUP.unlabelled("w" + window + "-" + n, "a", readout), at(t + n * 1_000));
                }
                t += 10_000;
            }
            driver.project(GROUP.unlabelled("closer", "a", "aaaa"), at(80_000));
            driver.publish();

            Map<DriftSignal, MonitorAlert> raised = new TreeMap<>();
            driver.alerts().forEach(kv -> raised.put(kv.value.getSignal(), kv.value));
            assertEquals(List.of(DriftSignal.SETTLE_LAYER, DriftSignal.AGREEMENT), List.copyOf(raised.keySet()));
            assertEquals(2.0, raised.get(DriftSignal.SETTLE_LAYER).getValue(), EXACT, "3 − 1 layers");
            assertEquals(0.4, raised.get(DriftSignal.SETTLE_LAYER).getThreshold(), EXACT, "0.1 × L = 0.1 × 4");
            assertEquals(0.5, raised.get(DriftSignal.AGREEMENT).getValue(), EXACT, "(|0 − 1| + |0 − 1|) / 4");
            assertEquals(at(40_000), raised.get(DriftSignal.SETTLE_LAYER).getWindowStart());
        }
    }

    @Test
    void shouldCompareWithAPinnedBaselineFromTheStartAndGoBackToTheFirstWindowsWhenUnpinned() {
        try (AggregatorDriver driver = driver()) {
            ReadingCounts pinned = ReadingCounts.empty(3, 4);
            for (int n = 0; n < 10; n++) {
                pinned.add(io.audiolens.aggregator.state.LensReading.of(GROUP.unlabelled("p" + n, "c", "cccc")));
            }
            driver.pin(KEY, MonitorBaseline.newBuilder().setSource("metrics.json of a labelled run")
                    .setLabels(GROUP.labels()).setLayers(4).setReadings(Readings.of(pinned).toAvro()).build());
            for (int n = 0; n < 4; n++) {
                driver.project(GROUP.unlabelled("s" + n, n < 2 ? "a" : "c", n < 2 ? "aaaa" : "cccc"), at(n * 1_000));
            }
            driver.project(GROUP.unlabelled("closer", "a", "aaaa"), at(30_000));
            driver.publish();

            MonitorWindow first = finalWindows(driver.windows()).get(0L);
            assertEquals(WindowStatus.EVALUATED, first.getStatus(), "no baseline to collect: one is pinned");
            assertEquals("metrics.json of a labelled run", first.getDrift().getBaselineSource());
            // P = (½, 0, ½), Q = (0, 0, 1), M = (¼, 0, ¾): ½·(½·log2 2 + ½·log2(2/3)) + ½·log2(4/3) = 0.3113 bits
            double expected = 0.5 * (0.5 * 1 + 0.5 * Math.log(2.0 / 3) / Math.log(2)) + 0.5 * Math.log(4.0 / 3) / Math.log(2);
            assertEquals(expected, first.getDrift().getAnswerMix(), 1e-12);

            driver.pin(KEY, null);
            for (int n = 1; n < 4; n++) {
                driver.project(GROUP.unlabelled("t" + n, "a", "aaaa"), at(30_000 + n * 1_000));
            }
            driver.project(GROUP.unlabelled("later", "a", "aaaa"), at(60_000));
            driver.publish();
            GroupView group = driver.monitor().groups().get(0);
            assertEquals(false, group.baseline().pinned());
            assertEquals(WindowStatus.BASELINE, finalWindows(driver.windows()).get(30_000L).getStatus(),
                    "unpinned, windows go to the default baseline again");
        }
    }

    @Test
    void shouldKeepTheReadingsOfLabelledSamplesBesideThePapersMetrics() {
        try (AggregatorDriver driver = driver()) {
            driver.project(GROUP.labelled("s1", TEST, "a", "a", "baaa"), at(1_000));
            driver.project(GROUP.labelled("s2", TEST, "b", "c", "bbcc"), at(2_000));
            driver.project(GROUP.labelled("s2", TEST, "b", "c", "bbcc"), at(2_500)); // a duplicate counts once

            GroupMetrics metrics = driver.document().groups().get(0);
            assertEquals(2, metrics.samples());
            assertEquals(List.of(1L, 0L, 1L), metrics.readings().answers());
            assertEquals(List.of(0L, 1L, 1L, 0L), metrics.readings().settleLayers());
            assertEquals(2.5, metrics.readings().meanSettleLayer(), EXACT, "s1 settles at 2, s2 at 3");
            driver.publish();
            assertEquals(2, last(driver.windows(), KEY + "@" + BASE).getReadings().getSamples(), "the duplicate is not windowed");
        }
    }

    /** Window k gets {@code mixes[k]} samples answering a, b, c (every layer reads the answer), one per 100 ms. */
    private static void sendWindows(AggregatorDriver driver, List<int[]> mixes) {
        for (int k = 0; k < mixes.size(); k++) {
            int n = 0;
            for (int y = 0; y < 3; y++) {
                String label = GROUP.labels().get(y);
                for (int i = 0; i < mixes.get(k)[y]; i++) {
                    driver.project(GROUP.unlabelled("w" + k + "-" + n, label, label.repeat(4)), at(k * 10_000L + n * 100L));
                    n++;
                }
            }
        }
    }

    /** JS divergence a second way: H(M) − (H(P) + H(Q)) / 2, in bits. */
    private static double jensenShannonByEntropies(long[] p, long[] q) {
        double np = 0;
        double nq = 0;
        for (int y = 0; y < p.length; y++) {
            np += p[y];
            nq += q[y];
        }
        double hp = 0;
        double hq = 0;
        double hm = 0;
        for (int y = 0; y < p.length; y++) {
            hp += h(p[y] / np);
            hq += h(q[y] / nq);
            hm += h((p[y] / np + q[y] / nq) / 2);
        }
        return hm - (hp + hq) / 2;
    }

    private static double h(double x) {
        return x > 0 ? -x * Math.log(x) / Math.log(2) : 0;
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(BASE + millis);
    }

    private static MonitorWindow last(List<KeyValue<String, MonitorWindow>> records, String key) {
        MonitorWindow last = null;
        for (KeyValue<String, MonitorWindow> record : records) {
            if (record.key.equals(key)) {
                last = record.value;
            }
        }
        return last;
    }

    /** The closed windows as the compacted topic ends up with them, by start (ms after {@link #BASE}). */
    private static Map<Long, MonitorWindow> finalWindows(List<KeyValue<String, MonitorWindow>> records) {
        Map<Long, MonitorWindow> windows = new TreeMap<>();
        for (KeyValue<String, MonitorWindow> record : records) {
            if (record.value.getStatus() != WindowStatus.OPEN) {
                windows.put(record.value.getWindowStart().toEpochMilli() - BASE, record.value);
            }
        }
        return windows;
    }
}
