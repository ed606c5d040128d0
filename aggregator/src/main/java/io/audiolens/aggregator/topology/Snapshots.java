package io.audiolens.aggregator.topology;

import io.audiolens.aggregator.enrichment.EnrichmentMetrics;
import io.audiolens.aggregator.metrics.Correlation;
import io.audiolens.aggregator.metrics.GroupMetrics;
import io.audiolens.aggregator.metrics.GroupPoint;
import io.audiolens.aggregator.metrics.ModelTables;
import io.audiolens.schemas.AttributeSummary;
import io.audiolens.schemas.CorrelationPoint;
import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.EnrichmentSnapshot;
import io.audiolens.schemas.ProbeScores;
import io.audiolens.schemas.ScoreSnapshot;
import io.audiolens.schemas.UnlabelledScores;
import java.util.List;

/** The metrics as the Avro snapshots of the compacted metrics topics. */
final class Snapshots {

    private Snapshots() {
    }

    static ScoreSnapshot score(GroupMetrics m) {
        return ScoreSnapshot.newBuilder()
                .setModel(m.model()).setAttribute(m.attribute()).setPrompt(m.prompt()).setView(m.view())
                .setLabels(m.labels()).setLayers(m.layers())
                .setSamples(m.samples()).setCorrect(m.correct()).setDuplicates(m.duplicates())
                .setAccuracy(m.accuracy()).setChance(m.chance())
                .setInfoScore(m.infoScore()).setInfoScoreCorrect(m.infoScoreCorrect())
                .setInfoScoreIncorrect(m.infoScoreIncorrect())
                .setCriticalLayer(m.criticalLayer())
                .setProbe(new ProbeScores(m.probe().samples(), m.probe().complete(),
                        m.probe().infoScoreIncorrect(), m.probe().sourceLayer()))
                .setUnlabelled(new UnlabelledScores(m.unlabelled().samples(), m.unlabelled().agreement()))
                .build();
    }

    static GroupPoint point(ScoreSnapshot score) {
        return new GroupPoint(score.getAttribute(), score.getPrompt(), score.getCriticalLayer(), score.getAccuracy());
    }

    static EnrichmentSnapshot enrichment(EnrichmentMetrics m) {
        return EnrichmentSnapshot.newBuilder()
                .setModel(m.model()).setAttribute(m.attribute()).setPrompt(m.prompt())
                .setSourceLayer(m.sourceLayer()).setTargetLayer(m.targetLayer())
                .setTestSamples(m.testSamples()).setLambdas(m.lambdas())
                .setAccuracy(m.accuracy()).setRandomMean(m.randomMean()).setRandomStd(m.randomStd())
                .setRelativeGain(m.relativeGain())
                .setNotRequestedBecause(m.notRequestedBecause())
                .build();
    }

    static CorrelationSnapshot correlation(String model, List<GroupPoint> points) {
        Correlation correlation = ModelTables.correlation(model, points);
        return CorrelationSnapshot.newBuilder()
                .setModel(model)
                .setPoints(ModelTables.correlated(points, point -> true).stream()
                        .map(p -> new CorrelationPoint(p.attribute(), p.prompt(), p.criticalLayer(), p.accuracy()))
                        .toList())
                .setR(correlation.r()).setP(correlation.p())
                .setRExcludingGender(correlation.rExcludingGender())
                .setPExcludingGender(correlation.pExcludingGender())
                .setTableII(ModelTables.tableII(model, points).stream()
                        .map(row -> new AttributeSummary(row.attribute(), row.criticalLayer(), row.accuracy(),
                                row.prompts()))
                        .toList())
                .build();
    }
}
