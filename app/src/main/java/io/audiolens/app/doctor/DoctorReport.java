package io.audiolens.app.doctor;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.hub.CachedModel;
import io.audiolens.worker.hub.HubCache;
import io.audiolens.worker.hub.Snapshot;
import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.runtime.EngineFacts;
import io.audiolens.worker.runtime.EngineStartException;
import io.audiolens.worker.runtime.PyTorchEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The doctor's findings as one JSON document: Java, DJL, the settings, the engine, the Hugging Face cache. */
final class DoctorReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What DJL's engine and our cache lookup read, from the environment or as -D properties. */
    private static final List<String> SETTINGS = List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR",
            "PYTORCH_PRECXX11", "PYTORCH_EXTRA_LIBRARY_PATH", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "CUDA_VISIBLE_DEVICES",
            "LD_LIBRARY_PATH", "ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads",
            "HF_HUB_CACHE", "HF_HOME");

    private DoctorReport() {}

    static ObjectNode build() {
        ObjectNode report = JSON.createObjectNode();
        Runtime runtime = Runtime.getRuntime();
        ObjectNode java = report.putObject("java");
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("home", System.getProperty("java.home"));
        java.put("maxHeapBytes", runtime.maxMemory());
        java.put("processors", runtime.availableProcessors());
        ObjectNode djl = report.putObject("djl");
        djl.put("version", Engine.getDjlVersion());
        djl.put("offline", Utils.isOfflineMode());
        djl.put("cacheDir", Utils.getCacheDir().toString());
        djl.put("engineCacheDir", Utils.getEngineCacheDir("pytorch").toString());
        ObjectNode settings = report.putObject("settings");
        SETTINGS.forEach(name -> settings.put(name, Utils.getEnvOrSystemProperty(name)));
        report.set("engine", engine());
        report.set("huggingFaceCache", hub(HubCache.standard()));
        return report;
    }

    private static ObjectNode engine() {
        ObjectNode engine = JSON.createObjectNode();
        try {
            EngineFacts facts = EngineFacts.of(PyTorchEngine.start());
            engine.put("started", true);
            engine.put("name", PyTorchEngine.NAME);
            engine.put("libtorchVersion", facts.libtorchVersion());
            engine.put("flavor", facts.flavor());
            engine.put("libtorchFolder", facts.libtorchFolder().toString());
            facts.libraries().forEach(engine.putArray("libraries")::add);
            engine.put("jniLibrary", facts.jniLibrary().map(Path::toString).orElse(null));
            engine.put("jniBuiltForLibtorch", facts.jniBuiltFor());
            engine.put("cudaRuntime", facts.cudaRuntime().orElse(null));
            engine.put("cudaRuntimeGpus", facts.cudaDevices());
            engine.put("gpuCount", facts.gpus().size());
            ArrayNode gpus = engine.putArray("gpus");
            facts.gpus().forEach(gpu -> gpus.addObject().put("device", gpu.device())
                    .put("computeCapability", gpu.computeCapability()).put("memoryBytes", gpu.memoryBytes())
                    .put("usedBytes", gpu.usedBytes()));
        } catch (EngineStartException e) {
            engine.put("started", false);
            e.causeChain().forEach(engine.putArray("causes")::add);
        }
        return engine;
    }

    private static ObjectNode hub(HubCache cache) {
        ObjectNode hub = JSON.createObjectNode();
        hub.put("cache", cache.root().toString());
        hub.put("chosenBy", cache.source());
        hub.put("exists", Files.isDirectory(cache.root()));
        ArrayNode models = hub.putArray("models");
        for (CachedModel model : cache.models()) {
            ObjectNode node = models.addObject().put("repo", model.repo());
            ObjectNode refs = node.putObject("refs");
            model.refs().forEach(refs::put);
            ArrayNode snapshots = node.putArray("snapshots");
            for (Path snapshot : model.snapshots()) {
                ObjectNode s = snapshots.addObject().put("commit", snapshot.getFileName().toString());
                s.put("family", family(snapshot));
                Snapshot.problems(snapshot).forEach(s.putArray("missing")::add);
            }
        }
        return hub;
    }

    /** The supported family whose checkpoints the snapshot's config.json describes: {@code not supported (...)} otherwise. */
    private static String family(Path snapshot) {
        try {
            var config = Checkpoint.readConfig(snapshot);
            return ModelFamilies.all().stream().filter(f -> f.recognises(config)).map(ModelFamily::id).findFirst()
                    .orElse("not supported (model_type '" + config.path("model_type").asText("") + "')");
        } catch (CheckpointException e) {
            return "not a model folder (" + e.getMessage() + ")";
        }
    }
}
