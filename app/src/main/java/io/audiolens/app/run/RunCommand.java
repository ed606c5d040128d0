package io.audiolens.app.run;

import io.audiolens.app.options.BatchSizeOption;
import io.audiolens.app.options.EnrichOffsetOption;
import io.audiolens.app.options.KafkaConfigOption;
import io.audiolens.app.options.ModelOptions;
import io.audiolens.app.options.RegistryConfigOption;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.app.options.OutputPath;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiolens run}: a SAKURA-layout dataset end to end, on a cluster or the embedded default. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Produce a dataset, run the worker until every sample is processed, write projections.jsonl.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "SAKURA-layout folder: <Track>/audio/*.wav + <Track>/metadata.csv")
    Path dataset;

    @Option(names = "--dataset-name", description = "dataset name in sample ids (default: the folder's name)")
    String datasetName;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, description = "output folder (projections.jsonl, metrics.json)",
            converter = OutputPath.Folder.class)
    Path out;

    @Option(names = "--bootstrap-servers", description = "Kafka cluster; without it an embedded broker and registry run in OUT/platform")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "schema registry base URL (with --bootstrap-servers)")
    String registryUrl;

    @Mixin
    KafkaConfigOption kafkaConfig;

    @Mixin
    RegistryConfigOption registryConfig;

    @Option(names = "--probe-size", defaultValue = "100", description = "probe samples per attribute (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Mixin
    EnrichOffsetOption enrichOffset;

    @Mixin
    BatchSizeOption batchSize;

    @Override
    public Integer call() throws Exception {
        new EndToEndRun(settings()).run();
        return 0;
    }

    RunSettings settings() {
        if ((bootstrapServers == null) != (registryUrl == null)) {
            throw new IllegalArgumentException("--bootstrap-servers and --registry-url go together; give both, or "
                    + "neither for the embedded default");
        }
        if (bootstrapServers == null && (kafkaConfig.isGiven() || registryConfig.isGiven())) {
            throw new IllegalArgumentException("--kafka-config and --registry-config configure the clients of a cluster"
                    + " given with --bootstrap-servers and --registry-url; the embedded default needs neither");
        }
        Optional<RunSettings.Cluster> cluster = bootstrapServers == null ? Optional.empty()
                : Optional.of(new RunSettings.Cluster(new KafkaCluster(bootstrapServers, kafkaConfig.settings()),
                        SerdeConfig.forRegistry(registryUrl, registryConfig.settings())));
        String name = datasetName != null ? datasetName : dataset.toAbsolutePath().normalize().getFileName().toString();
        return new RunSettings(dataset, name, model.location(), out, cluster, model.prompts(), model.views(), probeSize,
                enrichOffset.value(), model.compute(), model.labelTokenMode(), batchSize.value(model.compute()));
    }

}
