package io.audiolens.app.worker;

import io.audiolens.app.options.BatchSizeOption;
import io.audiolens.app.options.ClusterOptions;
import io.audiolens.app.options.ModelOptions;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.service.InferenceWorker;
import io.audiolens.worker.service.WorkerSettings;
import io.audiolens.telemetry.OperatorRegistry;
import io.audiolens.telemetry.OperatorServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiolens worker}: an inference worker against any cluster, until Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Consume audio samples, run the model with the Logit Lens, produce layer projections.")
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);
    private static final Duration CONNECTION_CHECK = Duration.ofSeconds(30);

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ModelOptions model;

    @Mixin
    BatchSizeOption batchSize;

    @Option(names = "--worker-id", defaultValue = "0",
            description = "unique per worker, the same after a restart (names its transactional producer)")
    String workerId;

    @Option(names = "--group", defaultValue = WorkerSettings.DEFAULT_GROUP, description = "consumer group (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--http-port", defaultValue = "8091", description = "port of GET /metrics (Prometheus), /healthz"
            + " and /readyz; 0 for any free port, -1 for none (default: ${DEFAULT-VALUE}; one port per worker on a host)")
    int httpPort;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "address they bind to (default: ${DEFAULT-VALUE})")
    String httpHost;

    @Override
    public Integer call() throws Exception {
        ModelLocation location = model.location();
        ComputeDevice compute = model.compute();
        WorkerSettings settings = new WorkerSettings(cluster.kafka(), cluster.serdes(), location.folder(),
                compute, model.labelTokenMode(), model.prompts(), model.views(), workerId, group, batchSize.value(compute));
        settings.cluster().checkConnection(CONNECTION_CHECK); // before the model, which may take minutes to load
        PrometheusMeterRegistry meters = OperatorRegistry.create("worker");
        try (LensRuntime runtime = LensRuntime.load(location, compute, model.labelTokenMode())) {
            InferenceWorker worker = new InferenceWorker(settings, runtime, meters);
            OperatorServer operator = httpPort < 0 ? null
                    : OperatorServer.start(httpHost, httpPort, "--http-port", meters, worker.health());
            if (operator != null) {
                LOG.info("worker {}: Prometheus on http://{}:{}/metrics, health on /healthz and /readyz", workerId,
                        httpHost, operator.port());
            }
            Thread loop = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    worker.close();
                    loop.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "audiolens-worker-shutdown"));
            try {
                worker.run();
            } finally {
                if (operator != null) {
                    operator.close();
                }
            }
        }
        return 0;
    }
}
