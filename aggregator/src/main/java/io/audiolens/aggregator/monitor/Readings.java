package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.MonitorReadings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@link ReadingCounts} with what is derived from them; null where there are no samples. The same fields
 * as the Avro {@link MonitorReadings}, for JSON.
 */
public record Readings(long samples, List<Long> answers, List<Long> agreementHits, List<Long> settleLayers,
        long marginMicros, List<Long> entropyMicros, List<Double> answerShares, List<Double> agreement,
        Double meanSettleLayer, Double meanMargin, List<Double> entropy) {

    private static final double MICROS = 1_000_000.0;

    public static Readings of(ReadingCounts counts) {
        long n = counts.samples();
        long weightedSettle = 0;
        long[] settle = counts.settleLayers();
        for (int l = 0; l < settle.length; l++) {
            weightedSettle += (l + 1) * settle[l];
        }
        return new Readings(n, boxed(counts.answers()), boxed(counts.agreementHits()), boxed(settle),
                counts.marginMicros(), boxed(counts.entropyMicros()), fractions(counts.answers(), n, 1),
                fractions(counts.agreementHits(), n, 1), n == 0 ? null : (double) weightedSettle / n,
                n == 0 ? null : counts.marginMicros() / MICROS / n, fractions(counts.entropyMicros(), n, MICROS));
    }

    public MonitorReadings toAvro() {
        return MonitorReadings.newBuilder()
                .setSamples(samples).setAnswers(answers).setAgreementHits(agreementHits).setSettleLayers(settleLayers)
                .setMarginMicros(marginMicros).setEntropyMicros(entropyMicros).setAnswerShares(answerShares)
                .setAgreement(agreement).setMeanSettleLayer(meanSettleLayer).setMeanMargin(meanMargin)
                .setEntropy(entropy)
                .build();
    }

    /** The counts these readings were derived from. */
    public ReadingCounts counts() {
        return new ReadingCounts(samples, unboxed(answers), unboxed(agreementHits), unboxed(settleLayers), marginMicros,
                unboxed(entropyMicros));
    }

    /** The counts an Avro reading carries (its derived fields are ignored). */
    public static ReadingCounts countsOf(MonitorReadings avro) {
        return new ReadingCounts(avro.getSamples(), unboxed(avro.getAnswers()), unboxed(avro.getAgreementHits()),
                unboxed(avro.getSettleLayers()), avro.getMarginMicros(), unboxed(avro.getEntropyMicros()));
    }

    private static List<Double> fractions(long[] counts, long samples, double scale) {
        if (samples == 0) {
            return Collections.nCopies(counts.length, null);
        }
        List<Double> fractions = new ArrayList<>(counts.length);
        for (long count : counts) {
            fractions.add(count / scale / samples);
        }
        return fractions;
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static long[] unboxed(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
