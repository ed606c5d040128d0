package io.audiolens.worker.service;

import ai.djl.engine.EngineException;
import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.lens.PromptRequest;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.UnusableAudioException;
import io.audiolens.worker.prompt.PromptFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's work without Kafka: runs the lens on audio samples, each clip encoded once, then each
 * prompt format read; several clips' prompts batched when the settings say so. {@code bench worker} times it.
 */
public final class SampleAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(SampleAnalyzer.class);
    private final LensRuntime runtime;
    private final WorkerSettings settings;
    private final Function<List<PromptRequest>, List<LensReport>> batches;

    public SampleAnalyzer(LensRuntime runtime, WorkerSettings settings) {
        this(runtime, settings, runtime::analyze);
    }

    /** {@code batches} runs a decoder batch: the runtime's, or one that fails as a device may (in tests). */
    SampleAnalyzer(LensRuntime runtime, WorkerSettings settings, Function<List<PromptRequest>, List<LensReport>> batches) {
        this.runtime = runtime;
        this.settings = settings;
        this.batches = batches;
    }

    String modelName() {
        return runtime.modelName();
    }

    /** @throws RejectedSampleException when the sample itself is unusable (the worker dead-letters it) */
    List<LayerProjection> projections(AudioSample sample) {
        Attribute attribute = attributeOf(sample);
        List<LayerProjection> out = new ArrayList<>();
        try (ClipSession clip = open(sample)) {
            for (PromptFormat format : settings.prompts()) {
                out.addAll(ProjectionBuilder.build(sample, clip.analyze(attribute, format, List.of()), settings.views()));
            }
        }
        return out;
    }

    /** A sample's projections, or why the sample was rejected (null when it was not). */
    public record Analysis(List<LayerProjection> projections, String rejection) {
        static Analysis rejected(String reason) {
            return new Analysis(List.of(), reason);
        }
    }

    /**
     * Every sample's projections, in the order of {@code samples}. With a batch size above 1, clips of about
     * one length (so prompts of about one length) are opened {@code batchSize} at a time and each prompt
     * format runs for all of them in one decoder batch; a sample that cannot be read is rejected alone.
     */
    public List<Analysis> analyzeAll(List<AudioSample> samples) {
        Analysis[] analyses = new Analysis[samples.size()];
        if (settings.batchSize() == 1) {
            for (int i = 0; i < samples.size(); i++) {
                try {
                    analyses[i] = new Analysis(projections(samples.get(i)), null);
                } catch (RejectedSampleException e) {
                    analyses[i] = Analysis.rejected(e.getMessage());
                }
            }
            return List.of(analyses);
        }
        // prompts of about one length: one attribute (its prompt text), then clips of about one length
        List<Integer> byLength = IntStream.range(0, samples.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> String.valueOf(samples.get(i).getAttribute()))
                        .thenComparingInt(i -> samples.get(i).getPcm16().remaining())).toList();
        for (int from = 0; from < byLength.size(); from += settings.batchSize()) {
            analyzeTogether(byLength.subList(from, Math.min(byLength.size(), from + settings.batchSize())), samples,
                    analyses);
        }
        return List.of(analyses);
    }

    private void analyzeTogether(List<Integer> batch, List<AudioSample> samples, Analysis[] analyses) {
        List<Integer> readable = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<ClipSession> clips = new ArrayList<>();
        try {
            for (int i : batch) {
                try {
                    Attribute attribute = attributeOf(samples.get(i));
                    clips.add(open(samples.get(i)));
                    attributes.add(attribute);
                    readable.add(i);
                } catch (RejectedSampleException e) {
                    analyses[i] = Analysis.rejected(e.getMessage());
                }
            }
            List<List<LayerProjection>> projections = new ArrayList<>();
            readable.forEach(i -> projections.add(new ArrayList<>()));
            for (PromptFormat format : settings.prompts()) {
                List<PromptRequest> requests = new ArrayList<>();
                for (int k = 0; k < clips.size(); k++) {
                    requests.add(new PromptRequest(clips.get(k), attributes.get(k), format));
                }
                List<LensReport> reports = reportsOf(requests);
                for (int k = 0; k < reports.size(); k++) {
                    projections.get(k).addAll(ProjectionBuilder.build(samples.get(readable.get(k)), reports.get(k),
                            settings.views()));
                }
            }
            for (int k = 0; k < readable.size(); k++) {
                analyses[readable.get(k)] = new Analysis(projections.get(k), null);
            }
        } finally {
            clips.forEach(ClipSession::close);
        }
    }

    /**
     * The batch's reports; if the engine fails on the batch (out of memory, say), each prompt alone, so that
     * a batch too big for the device costs time, not the worker: a prompt that fails alone still fails.
     */
    private List<LensReport> reportsOf(List<PromptRequest> requests) {
        try {
            return batches.apply(requests);
        } catch (EngineException e) {
            LOG.warn("a batch of {} prompts failed ({}); running them one at a time", requests.size(), e.getMessage());
            List<LensReport> reports = new ArrayList<>();
            for (PromptRequest r : requests) {
                reports.add(r.clip().analyze(r.attribute(), r.format(), List.of()));
            }
            return reports;
        }
    }

    /** One prompt with the given last-token enrichments. */
    LensReport enriched(AudioSample sample, PromptFormat format, List<Enrichment> enrichments) {
        Attribute attribute = attributeOf(sample);
        try (ClipSession clip = open(sample)) {
            return clip.analyze(attribute, format, enrichments);
        }
    }

    /** The clip of a sample the model can take; one it cannot (too short, say) is rejected with the model's reason. */
    private ClipSession open(AudioSample sample) {
        try {
            return runtime.open(waveform(sample));
        } catch (UnusableAudioException e) {
            throw new RejectedSampleException(e.getMessage());
        }
    }

    /** The sample's attribute, if it is one the model's tokenizer can read (label first tokens all distinct). */
    Attribute attributeOf(AudioSample sample) {
        Attribute attribute;
        try {
            attribute = Attribute.named(sample.getAttribute());
            runtime.labelTokenIds(attribute);
        } catch (IllegalArgumentException e) {
            throw new RejectedSampleException(e.getMessage());
        }
        if (sample.getLabel() != null && !attribute.labels().contains(sample.getLabel())) {
            throw new RejectedSampleException("label '" + sample.getLabel() + "' is not one of " + attribute.name()
                    + "'s labels " + attribute.labels());
        }
        return attribute;
    }

    static float[] waveform(AudioSample sample) {
        if (sample.getSampleRate() != 16_000) {
            throw new RejectedSampleException("sample rate " + sample.getSampleRate() + " Hz; producers send 16000 Hz");
        }
        ByteBuffer pcm = sample.getPcm16().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (pcm.remaining() < 2 || pcm.remaining() % 2 != 0) {
            throw new RejectedSampleException("pcm16 payload of " + pcm.remaining() + " bytes is empty or odd-sized");
        }
        float[] waveform = new float[pcm.remaining() / 2];
        for (int i = 0; i < waveform.length; i++) {
            waveform[i] = pcm.getShort() / 32768f;
        }
        return waveform;
    }
}
