package io.audiolens.app.options;

import io.audiolens.worker.hub.ModelLocation;
import picocli.CommandLine.Option;

/** {@code --model}: a checkpoint folder or a hub name, for every command that must be given one. */
public final class ModelOption {
    /** What {@code --model} takes, for every command that has it. */
    public static final String DESCRIPTION = "checkpoint folder, or hub name ORG/NAME[@REVISION] read offline from the"
            + " Hugging Face cache ($HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub)";

    @Option(names = "--model", required = true, paramLabel = "DIR|ORG/NAME[@REV]", description = DESCRIPTION)
    String model;

    /** The folder it names; a hub name that is not in the cache fails saying how to download it. */
    public ModelLocation location() {
        return ModelLocation.of(model);
    }
}
