package io.audiolens.app.run;

import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiolens run}: a SAKURA-layout dataset end to end, on a cluster or the embedded default. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Produce a dataset, run the worker until every sample is processed, write projections.jsonl.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "SAKURA-layout folder: <Track>/audio/*.wav + <Track>/metadata.csv")
    Path dataset;

    @Option(names = "--dataset-name", description = "dataset name in sample ids (default: the folder's name)")
    String datasetName;

    @Option(names = "--model", required = true, description = "HF checkpoint folder")
    Path model;

    @Option(names = "--out", required = true, description = "output folder (projections.jsonl, metrics.json)")
    Path out;

    @Option(names = "--bootstrap-servers", description = "Kafka cluster; without it an embedded broker and registry run in OUT/platform")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "schema registry base URL (with --bootstrap-servers)")
    String registryUrl;

    @Option(names = "--prompts", defaultValue = "P1,P2,P3", description = "prompt formats (default: ${DEFAULT-VALUE})")
    String prompts;

    @Option(names = "--views", defaultValue = "last,penultimate,last_audio_masked", description = "views (default: ${DEFAULT-VALUE})")
    String views;

    @Option(names = "--probe-size", defaultValue = "100", description = "probe samples per attribute (default: ${DEFAULT-VALUE})")
    int probeSize;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--label-token", defaultValue = "leading-space", description = "leading-space or no-space (default: ${DEFAULT-VALUE})")
    String labelToken;

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
        Optional<RunSettings.Cluster> cluster = bootstrapServers == null ? Optional.empty()
                : Optional.of(new RunSettings.Cluster(bootstrapServers, registryUrl));
        String name = datasetName != null ? datasetName : dataset.toAbsolutePath().normalize().getFileName().toString();
        return new RunSettings(dataset, name, model, out, cluster,
                Arrays.stream(prompts.split(",")).map(PromptFormat::parse).distinct().toList(),
                Arrays.stream(views.split(",")).map(String::trim).map(View::parse).distinct().toList(),
                probeSize, ComputeDevice.parse(device), LabelTokenMode.parse(labelToken));
    }

}
