package io.audiolens.worker.model.desta2;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import io.audiolens.worker.checkpoint.Checkpoint;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.checkpoint.PthCheckpoint;
import io.audiolens.worker.hub.HubCache;
import io.audiolens.worker.model.api.AudioLanguageModel;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.common.CheckpointWeightSource;
import io.audiolens.worker.model.common.WeightSource;
import io.audiolens.worker.model.llama.LlamaModel;
import io.audiolens.worker.model.whisper.WhisperModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * DeSTA2 ({@code DeSTA-ntu/DeSTA2-8B-beta}): {@code config.json} with {@code model_type: DestaModel} and the
 * hub ids of its Whisper and Llama, and {@code qformer_connector.pth}; the two inner models are found by
 * {@link InnerModels}.
 */
public final class Desta2Family implements ModelFamily {
    static final String ID = "desta2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DeSTA2 (model_type DestaModel: config.json, qformer_connector.pth, Whisper and Llama-3 by hub id)";
    }

    @Override
    public Set<String> innerModelRoles() {
        return Set.of(InnerModels.WHISPER, InnerModels.LLAMA);
    }

    @Override
    public boolean recognises(JsonNode config) {
        return config.path("model_type").asText("").equals(Desta2Config.MODEL_TYPE);
    }

    @Override
    public AudioLanguageModel load(Path folder, Map<String, Path> innerModels, Device device, DataType computeType) {
        Desta2Config config = Desta2Config.fromJson(Checkpoint.readConfig(folder));
        InnerModels inner = new InnerModels(folder, innerModels, HubCache.standard());
        WhisperModel whisper = WhisperModel.load(inner.find(config.whisperId(), InnerModels.WHISPER), device, computeType);
        LlamaModel llama = null;
        NDManager connectorManager = NDManager.newBaseManager(device, "PyTorch");
        try {
            llama = LlamaModel.load(inner.find(config.llamaId(), InnerModels.LLAMA), device, computeType);
            ConnectorWeights weights = ConnectorWeights.load(connectorSource(folder, connectorManager, computeType),
                    config.promptSize(), config.taps().size(), whisper.width(), llama.config().width());
            connectorManager.cap();
            Desta2Prompt prompt = Desta2Prompt.of(llama.tokenizer(), Checkpoint.readJson(inner.find(config.llamaId(),
                    "llama"), "tokenizer_config.json"));
            return new Desta2Model(config, whisper, connectorManager,
                    new QFormerConnector(weights, whisper.encoderHeads()), llama, prompt);
        } catch (RuntimeException e) {
            connectorManager.close();
            whisper.close();
            if (llama != null) {
                llama.close();
            }
            throw e;
        }
    }

    /**
     * The connector's state dict: {@code qformer_connector.safetensors} when someone converted it (no pickle
     * to read), else the released {@code qformer_connector.pth}, read behind an allow-list of globals.
     */
    private static WeightSource connectorSource(Path folder, NDManager manager, DataType computeType) {
        Path safetensors = folder.resolve("qformer_connector.safetensors");
        Path pth = folder.resolve("qformer_connector.pth");
        if (Files.isRegularFile(safetensors)) {
            return new CheckpointWeightSource(Checkpoint.ofFile(safetensors), manager, computeType);
        } else if (Files.isRegularFile(pth)) {
            return new CheckpointWeightSource(PthCheckpoint.open(pth), manager, computeType);
        }
        throw new CheckpointException("DeSTA2 folder " + folder + " has no qformer_connector.pth (the connector's "
                + "weights, the one file of DeSTA-ntu/DeSTA2-8B-beta besides config.json); download it into the folder");
    }
}
