package io.audiolens.app.worker;

import io.audiolens.app.options.ClusterOptions;
import io.audiolens.app.options.ModelOptions;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.service.InferenceWorker;
import io.audiolens.worker.service.WorkerSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiolens worker}: an inference worker against any cluster, until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Consume audio samples, run the model with the Logit Lens, produce layer projections.")
public final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    ModelOptions model;

    @Option(names = "--worker-id", defaultValue = "0",
            description = "unique per worker, the same after a restart (names its transactional producer)")
    String workerId;

    @Option(names = "--group", defaultValue = WorkerSettings.DEFAULT_GROUP, description = "consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Override
    public Integer call() throws Exception {
        WorkerSettings settings = new WorkerSettings(cluster.bootstrapServers(), cluster.serdes(), model.folder(),
                model.device(), model.labelTokenMode(), model.prompts(), model.views(), workerId, group);
        try (LensRuntime runtime = model.load()) {
            InferenceWorker worker = new InferenceWorker(settings, runtime);
            Thread loop = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    worker.close();
                    loop.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "audiolens-worker-shutdown"));
            worker.run();
        }
        return 0;
    }
}
