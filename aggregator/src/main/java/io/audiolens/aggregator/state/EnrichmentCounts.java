package io.audiolens.aggregator.state;

import io.audiolens.schemas.EnrichmentOutcome;
import io.audiolens.schemas.PromptFormat;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test samples evaluated for one enrichment request: per λ how many the enriched model answered
 * right with the chosen source layer, and per random seed and λ with that seed's random source layers.
 */
public final class EnrichmentCounts {

    private static final byte FORMAT = 1;

    private final EnrichmentKey key;
    private final int sourceLayer;
    private final int targetLayer;
    private final List<Double> lambdas; // (Λ)
    private long testSamples;
    private long duplicates;
    private final long[] correct; // (Λ)
    private final long[][] randomCorrect; // (S, Λ)

    private EnrichmentCounts(EnrichmentKey key, int sourceLayer, int targetLayer, List<Double> lambdas,
            long testSamples, long duplicates, long[] correct, long[][] randomCorrect) {
        this.key = key;
        this.sourceLayer = sourceLayer;
        this.targetLayer = targetLayer;
        this.lambdas = List.copyOf(lambdas);
        this.testSamples = testSamples;
        this.duplicates = duplicates;
        this.correct = correct;
        this.randomCorrect = randomCorrect;
    }

    /** No samples yet, for the request that {@code first} answers. */
    public static EnrichmentCounts empty(EnrichmentOutcome first) {
        int lambdas = first.getLambdas().size();
        return new EnrichmentCounts(EnrichmentKey.of(first), first.getSourceLayer(), first.getTargetLayer(),
                first.getLambdas(), 0, 0, new long[lambdas], new long[first.getRandomPredictions().size()][lambdas]);
    }

    void add(EnrichmentOutcome outcome) {
        testSamples++;
        String label = outcome.getLabel();
        for (int i = 0; i < correct.length; i++) {
            if (label.equals(outcome.getPredictions().get(i))) {
                correct[i]++;
            }
        }
        for (int s = 0; s < randomCorrect.length; s++) {
            List<String> seedPredictions = outcome.getRandomPredictions().get(s);
            for (int i = 0; i < correct.length; i++) {
                if (label.equals(seedPredictions.get(i))) {
                    randomCorrect[s][i]++;
                }
            }
        }
    }

    void countDuplicate() {
        duplicates++;
    }

    public EnrichmentKey key() { return key; }
    public int sourceLayer() { return sourceLayer; }
    public int targetLayer() { return targetLayer; }
    public List<Double> lambdas() { return lambdas; }
    public int seeds() { return randomCorrect.length; }
    public long testSamples() { return testSamples; }
    public long duplicates() { return duplicates; }

    /** Correct answers with the chosen source layer at the {@code lambdaIndex}-th λ. */
    public long correctAt(int lambdaIndex) {
        return correct[lambdaIndex];
    }

    /** Correct answers with seed {@code seed}'s random source layers at the {@code lambdaIndex}-th λ. */
    public long randomCorrectAt(int seed, int lambdaIndex) {
        return randomCorrect[seed][lambdaIndex];
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(key.model());
        out.writeUTF(key.attribute());
        out.writeByte(key.prompt().ordinal());
        out.writeInt(sourceLayer);
        out.writeInt(targetLayer);
        out.writeInt(lambdas.size());
        out.writeInt(randomCorrect.length);
        for (double lambda : lambdas) {
            out.writeDouble(lambda);
        }
        out.writeLong(testSamples);
        out.writeLong(duplicates);
        for (long count : correct) {
            out.writeLong(count);
        }
        for (long[] seed : randomCorrect) {
            for (long count : seed) {
                out.writeLong(count);
            }
        }
    }

    static EnrichmentCounts readFrom(DataInput in) throws IOException {
        StateFormat.expect(FORMAT, in.readByte(), "enrichment counts");
        EnrichmentKey key = new EnrichmentKey(in.readUTF(), in.readUTF(), PromptFormat.values()[in.readByte()]);
        int sourceLayer = in.readInt();
        int targetLayer = in.readInt();
        int lambdaCount = in.readInt();
        int seeds = in.readInt();
        List<Double> lambdas = new ArrayList<>(lambdaCount);
        for (int i = 0; i < lambdaCount; i++) {
            lambdas.add(in.readDouble());
        }
        long testSamples = in.readLong();
        long duplicates = in.readLong();
        long[] correct = new long[lambdaCount];
        for (int i = 0; i < lambdaCount; i++) {
            correct[i] = in.readLong();
        }
        long[][] randomCorrect = new long[seeds][lambdaCount];
        for (int s = 0; s < seeds; s++) {
            for (int i = 0; i < lambdaCount; i++) {
                randomCorrect[s][i] = in.readLong();
            }
        }
        return new EnrichmentCounts(key, sourceLayer, targetLayer, lambdas, testSamples, duplicates, correct,
                randomCorrect);
    }
}
