package io.audiolens.app.run;

import io.audiolens.aggregator.AggregationParameters;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One end-to-end run: a SAKURA-layout dataset through a model, on a given cluster or (when
 * {@code cluster} is empty) on an embedded broker and registry started in {@code out/platform}.
 *
 * @param enrichOffset k of the enrichment target ℓ̄ + k; empty: the paper's 5 scaled to the model's depth
 * @param batchSize    clips per decoder batch in the worker
 */
public record RunSettings(Path dataset, String datasetName, ModelLocation model, Path out, Optional<Cluster> cluster,
        List<PromptFormat> prompts, List<View> views, int probeSize, OptionalInt enrichOffset, ComputeDevice device,
        LabelTokenMode labelTokenMode, int batchSize) {

    /** A cluster of the user's: Kafka with its client settings, the registry with its client's. */
    public record Cluster(KafkaCluster kafka, SerdeConfig serdes) {}

    public RunSettings {
        prompts = List.copyOf(prompts);
        views = List.copyOf(views);
    }

    AggregationParameters aggregationParameters() {
        return AggregationParameters.defaults().withProbeSize(probeSize).withTargetOffset(enrichOffset);
    }

    int projectionsPerSample() {
        return prompts.size() * views.size();
    }
}
