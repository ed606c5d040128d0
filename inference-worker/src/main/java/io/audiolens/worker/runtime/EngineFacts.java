package io.audiolens.worker.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the started PyTorch engine is made of: the libtorch DJL loaded (version, CPU or CUDA build, folder,
 * libraries), the JNI library that binds it, and the GPUs DJL can use.
 *
 * @param flavor {@code cuda} when libtorch's CUDA libraries are loaded, else {@code cpu}
 * @param jniLibrary the {@code libdjl_torch} this process loaded; empty where that cannot be read
 * @param jniBuiltFor the libtorch version the JNI in DJL's jar is built for ({@code 2.7.1})
 * @param cudaRuntime the CUDA runtime version DJL found, as DJL writes it; empty without one
 * @param cudaDevices GPUs the CUDA runtime sees, whatever libtorch can use
 * @param gpus GPUs the engine can use (none with a CPU build of libtorch)
 */
public record EngineFacts(String djlVersion, String libtorchVersion, String flavor, Path libtorchFolder,
        List<String> libraries, Optional<Path> jniLibrary, String jniBuiltFor, Optional<String> cudaRuntime,
        int cudaDevices, List<GpuFacts> gpus) {

    public static EngineFacts of(Engine engine) {
        Path folder = Path.of(LibUtils.getLibtorchPath()).toAbsolutePath();
        List<Path> loaded = NativeLibraries.loaded();
        List<String> libraries = loaded.stream().filter(p -> folder.equals(p.getParent()))
                .map(p -> p.getFileName().toString()).sorted().toList();
        boolean cuda = libraries.stream().anyMatch(name -> name.contains("torch_cuda") || name.contains("c10_cuda"));
        Optional<Path> jni = loaded.stream().filter(p -> p.getFileName().toString().contains("djl_torch")).findFirst();
        boolean hasCuda = CudaUtils.hasCuda();
        return new EngineFacts(Engine.getDjlVersion(), LibUtils.getVersion(), cuda ? "cuda" : "cpu", folder, libraries,
                jni, jniLibtorchVersion(), hasCuda ? Optional.of(CudaUtils.getCudaVersionString()) : Optional.empty(),
                hasCuda ? CudaUtils.getGpuCount() : 0, gpus(engine.getGpuCount()));
    }

    /** One line for messages: {@code libtorch 2.7.1-20250812 (cpu) from DIR; 0 GPUs (no CUDA runtime found)}. */
    public String summary() {
        return "libtorch " + libtorchVersion + " (" + flavor + ") from " + libtorchFolder + "; " + gpus.size()
                + " GPU" + (gpus.size() == 1 ? "" : "s") + " usable" + cudaRuntime.map(v -> " (CUDA runtime " + v + " sees "
                        + cudaDevices + ")").orElse(" (no CUDA runtime found)");
    }

    private static List<GpuFacts> gpus(int count) {
        List<GpuFacts> gpus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Device device = Device.gpu(i);
            String capability = null;
            long memory = -1;
            long used = -1;
            try {
                capability = CudaUtils.getComputeCapability(i);
                MemoryUsage usage = CudaUtils.getGpuMemory(device);
                memory = usage.getMax();
                used = usage.getUsed();
            } catch (RuntimeException e) {
                // CUDA would not say: left unknown, and shown so
            }
            gpus.add(new GpuFacts(device.toString(), capability, memory, used));
        }
        return gpus;
    }

    /** The libtorch version the JNI library in DJL's jar was built for: the one libtorch it can bind. */
    static String jniLibtorchVersion() {
        try (InputStream in = LibUtils.class.getResourceAsStream("/jnilib/pytorch.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("jni_version", "unknown");
            return version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
