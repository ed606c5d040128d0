package io.audiolens.app.options;

import io.audiolens.worker.runtime.ComputeDevice;
import picocli.CommandLine.Option;

/** {@code --device} and {@code --dtype}: where the model runs and in which precision, for every command that runs one. */
public final class DeviceOptions {
    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu[:N]", description = "auto (GPU 0 when"
            + " the engine can use it, else the CPU), cpu, or GPU N; a GPU that is not there fails (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--dtype", defaultValue = "auto", paramLabel = "auto|fp32|fp16", description = "compute type: auto"
            + " (fp16 on a GPU, fp32 on the CPU), fp32 or fp16; norms, softmax and the lens are fp32 either way. bf16 is"
            + " refused: DJL 0.36 aborts on bfloat16 tensors (default: ${DEFAULT-VALUE})")
    String dtype;

    /** Starts the engine and checks the choice; a GPU that cannot be used fails naming what DJL saw. */
    public ComputeDevice compute() {
        return ComputeDevice.choose(device, dtype);
    }
}
