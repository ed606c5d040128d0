package io.audiolens.app.inspect;

import io.audiolens.app.options.DeviceOptions;
import io.audiolens.app.options.EnrichOffsetOption;
import io.audiolens.app.options.ModelOption;
import io.audiolens.audio.DecodedAudio;
import io.audiolens.audio.UndecodableAudioException;
import io.audiolens.audio.WavDecoder;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.schemas.enrichment.TargetOffset;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens inspect}: the lens on one clip and one prompt. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Run the model on one clip and read every layer through the Logit Lens.")
public final class InspectCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(InspectCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--audio", required = true, description = "WAV file (any PCM rate/channels; resampled to 16 kHz mono)")
    Path audio;

    @Option(names = "--attribute", required = true, description = "gender, language, emotion or animal")
    String attribute;

    @Option(names = "--prompt", defaultValue = "P1", description = "P1, P2 or P3 (default: ${DEFAULT-VALUE})")
    String prompt;

    @Option(names = "--enrich-layer", description = "source layer s of h^{s+k} += λ·h^s at the last token")
    Integer enrichLayer;

    @Mixin
    EnrichOffsetOption enrichOffset;

    @Option(names = "--lambda", description = "λ for --enrich-layer; repeat for several")
    List<Double> lambdas = new ArrayList<>();

    @Option(names = "--label-token", defaultValue = "leading-space", description = "leading-space or no-space (default: ${DEFAULT-VALUE})")
    String labelToken;

    @Mixin
    DeviceOptions device;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws UndecodableAudioException {
        Attribute attr = Attribute.named(attribute);
        PromptFormat format = PromptFormat.parse(prompt);
        LabelTokenMode mode = LabelTokenMode.parse(labelToken);
        checkEnrichmentOptions();
        ModelLocation location = model.location();
        ComputeDevice compute = device.compute();
        DecodedAudio clip = WavDecoder.decode(audio);
        clip.warnings().forEach(w -> LOG.warn("{}: {}", audio, w));
        LensReport report;
        try (LensRuntime runtime = LensRuntime.load(location, compute, mode);
                ClipSession session = runtime.open(clip.waveform())) {
            report = session.analyze(attr, format, enrichments(runtime.layers()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? InspectJson.write(report) : InspectText.write(report));
        out.flush();
        return 0;
    }

    private void checkEnrichmentOptions() {
        boolean offsetGiven = enrichOffset.value().isPresent();
        if (enrichLayer == null && (!lambdas.isEmpty() || offsetGiven)) {
            throw new IllegalArgumentException((lambdas.isEmpty() ? "--enrich-offset" : "--lambda") + " needs --enrich-layer");
        }
        if (enrichLayer != null && lambdas.isEmpty()) {
            throw new IllegalArgumentException("--enrich-layer needs at least one --lambda");
        }
    }

    private List<Enrichment> enrichments(int layers) {
        if (enrichLayer == null) {
            return List.of();
        }
        int offset = enrichOffset.value().orElseGet(() -> TargetOffset.forDepth(layers));
        return lambdas.stream().map(l -> Enrichment.above(enrichLayer, offset, l)).toList();
    }
}
