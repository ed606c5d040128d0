package io.audiolens.app.options;

import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model a worker runs and what it reads: prompt formats, views, label tokens, device and precision. */
public final class ModelOptions {
    @Mixin
    ModelOption model;

    @Mixin
    DeviceOptions device;

    @Option(names = "--prompts", defaultValue = "P1,P2,P3", description = "prompt formats (default: ${DEFAULT-VALUE})")
    String prompts;

    @Option(names = "--views", defaultValue = "last,penultimate,last_audio_masked", description = "views (default: ${DEFAULT-VALUE})")
    String views;

    @Option(names = "--label-token", defaultValue = "leading-space", description = "leading-space or no-space (default: ${DEFAULT-VALUE})")
    String labelToken;

    public ModelLocation location() {
        return model.location();
    }

    public List<PromptFormat> prompts() {
        return Arrays.stream(prompts.split(",")).map(PromptFormat::parse).distinct().toList();
    }

    public List<View> views() {
        return Arrays.stream(views.split(",")).map(String::trim).map(View::parse).distinct().toList();
    }

    public LabelTokenMode labelTokenMode() {
        return LabelTokenMode.parse(labelToken);
    }

    public ComputeDevice compute() {
        return device.compute();
    }
}
