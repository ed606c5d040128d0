package io.audiolens.report.metrics;

import java.util.List;

/**
 * One model × attribute × prompt × view as the aggregator reported it. Scores are fractions in [0, 1] per
 * 1-based layer (list index l − 1), null where undefined (no sample in that subset yet). Lists may hold nulls.
 *
 * @param accuracy I^L, the model's own accuracy; null while the group has no labelled sample
 * @param chance 1/|Y|
 * @param criticalLayer Eq. 3–4; null when no layer is above (1 + α)/|Y|
 */
public record Group(String model, String attribute, String prompt, View view, long samples, long correct,
        Double accuracy, double chance, List<Double> infoScore, List<Double> infoScoreCorrect,
        List<Double> infoScoreIncorrect, Double criticalLayer) {

    public long incorrect() {
        return samples - correct;
    }

    /** L: the longest of the score lists (a list may be empty when the writer had nothing to say). */
    public int layers() {
        return Math.max(infoScore.size(), Math.max(infoScoreCorrect.size(), infoScoreIncorrect.size()));
    }
}
