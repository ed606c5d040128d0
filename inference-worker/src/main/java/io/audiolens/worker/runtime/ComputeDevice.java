package io.audiolens.worker.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the model runs and in which precision ({@code --device auto|cpu|gpu[:N]}, {@code --dtype}). A GPU
 * that was asked for and cannot be used fails, saying what DJL saw: nothing falls back to the CPU silently.
 * {@code auto} takes GPU 0 when the engine can use it, else the CPU, and says so.
 */
public record ComputeDevice(Device device, DataType dataType) {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeDevice.class);
    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");

    /** Parses both options, starts the engine ({@link EngineStartException} when it cannot) and checks the GPU. */
    public static ComputeDevice choose(String device, String dtype) {
        Precision precision = Precision.parse(dtype);
        String choice = device.trim().toLowerCase(Locale.ROOT);
        Matcher gpu = GPU.matcher(choice);
        if (!choice.equals("auto") && !choice.equals("cpu") && !gpu.matches()) {
            throw new IllegalArgumentException("unknown --device '" + device + "'; use auto, cpu, gpu or gpu:N (N from 0)");
        }
        Engine engine = PyTorchEngine.start();
        if (choice.equals("cpu")) {
            return new ComputeDevice(Device.cpu(), precision.on(false));
        }
        if (choice.equals("auto")) {
            if (engine.getGpuCount() > 0 && unusable(engine, Device.gpu(0)) == null) {
                return new ComputeDevice(Device.gpu(0), precision.on(true));
            }
            LOG.info("--device auto: no GPU the engine can use ({}); running on the CPU", EngineFacts.of(engine).summary());
            return new ComputeDevice(Device.cpu(), precision.on(false));
        }
        int index = gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1));
        String asked = "--device " + device + ": ";
        String fix = "; install a CUDA build of libtorch (README, \"Running on a GPU\"), check it with `audiolens doctor`,"
                + " or pass --device cpu";
        if (index >= engine.getGpuCount()) {
            throw new IllegalArgumentException(asked + "there is no gpu(" + index + ") to run on: DJL sees "
                    + EngineFacts.of(engine).summary() + fix);
        }
        String failure = unusable(engine, Device.gpu(index));
        if (failure != null) {
            throw new IllegalArgumentException(asked + "gpu(" + index + ") cannot hold an array (" + failure + "); DJL sees "
                    + EngineFacts.of(engine).summary() + fix);
        }
        return new ComputeDevice(Device.gpu(index), precision.on(true));
    }

    public static ComputeDevice cpu() {
        return new ComputeDevice(Device.cpu(), DataType.FLOAT32);
    }

    /** Why {@code device} cannot hold a one-element array, or null when it can. */
    private static String unusable(Engine engine, Device device) {
        try (NDManager manager = engine.newBaseManager(device)) {
            manager.zeros(new Shape(1));
            return null;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public String toString() {
        return device + "/" + dataType.name().toLowerCase(Locale.ROOT);
    }
}
