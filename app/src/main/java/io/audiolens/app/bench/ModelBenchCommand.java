package io.audiolens.app.bench;

import io.audiolens.app.options.DeviceOptions;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.api.RandomModels;
import io.audiolens.worker.model.api.ModelShape;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens bench model}: full analysis vs one forward pass vs the naive way, on random weights of a family or a given model. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Time one forward pass, the full lens analysis with prefix reuse, and the naive analysis, on --device.")
public final class ModelBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--family", defaultValue = "qwen2-audio",
            description = "model family of the random-weight model: qwen2-audio or qwen-audio (default: ${DEFAULT-VALUE})")
    String family;

    @Option(names = "--model", paramLabel = "DIR|ORG/NAME[@REV]", description = "bench this model (any family, DeSTA2 "
            + "too) instead of a random one; --family, --width, --layers and --encoder-layers do not apply")
    String model;

    @Option(names = "--width", defaultValue = "512", description = "decoder and encoder width (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--layers", defaultValue = "12", description = "decoder layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--encoder-layers", defaultValue = "4", description = "encoder layers (default: ${DEFAULT-VALUE})")
    int encoderLayers;

    @Option(names = "--seconds", defaultValue = "10", description = "clip length (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--repeats", defaultValue = "5", description = "timed pairs of a forward pass and an analysis; the "
            + "medians and the spread of their ratio are reported (default: ${DEFAULT-VALUE})")
    int repeats;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats " + repeats + ": give 1 or more timed pairs (5 by default)");
        }
        ModelBenchmark benchmark = model != null
                ? ModelBenchmark.of(ModelLocation.of(model), seconds, repeats, device.compute())
                : ModelBenchmark.of(randomModel(), seconds, repeats, device.compute());
        ModelBenchmark.Result result = benchmark.run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }

    private ModelBenchmark.RandomModel randomModel() {
        ModelFamily chosen = ModelFamilies.named(family);
        RandomModels models = chosen.randomModels().orElseThrow(() -> new IllegalArgumentException("--family " + family
                + ": bench model makes no random " + family + " model (it composes whole models of its own); bench a "
                + family + " folder with --model DIR"));
        return new ModelBenchmark.RandomModel(chosen.id(), models, new ModelShape(width, layers, encoderLayers));
    }
}
