package io.audiolens.worker.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * Where the model runs and in which precision: float32 on the CPU, float16 on a CUDA GPU. {@code auto}
 * takes the GPU when DJL finds CUDA and a CUDA build of libtorch (see README, "Running on a GPU").
 */
public record ComputeDevice(Device device, DataType dataType) {

    public static ComputeDevice parse(String choice) {
        return switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> cpu();
            case "gpu" -> {
                if (gpuCount() == 0) {
                    throw new IllegalArgumentException("--device gpu: DJL finds no CUDA GPU; install a CUDA build of "
                            + "libtorch (README, \"Running on a GPU\") or use --device cpu");
                }
                yield new ComputeDevice(Device.gpu(), DataType.FLOAT16);
            }
            case "auto" -> gpuCount() > 0 ? new ComputeDevice(Device.gpu(), DataType.FLOAT16) : cpu();
            default -> throw new IllegalArgumentException("unknown device '" + choice + "'; use auto, cpu or gpu");
        };
    }

    public static ComputeDevice cpu() {
        return new ComputeDevice(Device.cpu(), DataType.FLOAT32);
    }

    private static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    @Override
    public String toString() {
        return device + "/" + dataType.name().toLowerCase(Locale.ROOT);
    }
}
