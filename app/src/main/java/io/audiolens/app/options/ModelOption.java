package io.audiolens.app.options;

import io.audiolens.worker.hub.ModelLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --model}: a checkpoint folder or a hub name, for every command that must be given one. */
public final class ModelOption {
    /** What {@code --model} takes, for every command that has it. */
    public static final String DESCRIPTION = "checkpoint folder, or hub name ORG/NAME[@REVISION] read offline from the"
            + " Hugging Face cache ($HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub)";

    @Option(names = "--model", required = true, paramLabel = "DIR|ORG/NAME[@REV]", description = DESCRIPTION)
    String model;

    @Option(names = "--whisper", paramLabel = "DIR|ORG/NAME[@REV]", description = "DeSTA2 only: its Whisper (default: "
            + "the whisper_model_id of its config.json, found in whisper/ beside it or in the Hugging Face cache)")
    String whisper;

    @Option(names = "--llama", paramLabel = "DIR|ORG/NAME[@REV]", description = "DeSTA2 only: its Llama (default: the "
            + "llama_model_id of its config.json, found in llama/ beside it or in the Hugging Face cache)")
    String llama;

    /** The folders it names; a hub name that is not in the cache fails saying how to download it. */
    public ModelLocation location() {
        Map<String, Path> inner = new LinkedHashMap<>();
        if (whisper != null) {
            inner.put("whisper", ModelLocation.of(whisper).folder());
        }
        if (llama != null) {
            inner.put("llama", ModelLocation.of(llama).folder());
        }
        return ModelLocation.of(model).withInnerModels(inner);
    }
}
