package io.audiolens.app.options;

import io.audiolens.worker.runtime.ComputeDevice;
import io.audiolens.worker.service.WorkerSettings;
import picocli.CommandLine.Option;

/** {@code --batch-size N}: clips of one poll whose prompts run through the decoder together, for commands that run a worker. */
public final class BatchSizeOption {
    @Option(names = "--batch-size", paramLabel = "N", description = "clips per decoder batch (default: 1 on the CPU, "
            + "which keeps runs reproducible byte for byte, 8 on a GPU; batched numbers move by ~1e-6 with the clips "
            + "that share a batch; `audiolens bench worker` measures the sizes on your device and model)")
    Integer clips;

    /** The given N, checked, or the default of {@code device}. */
    public int value(ComputeDevice device) {
        if (clips == null) {
            return WorkerSettings.defaultBatchSize(device);
        }
        if (clips < 1) {
            throw new IllegalArgumentException("--batch-size " + clips + ": give 1 or more clips per batch");
        }
        return clips;
    }
}
