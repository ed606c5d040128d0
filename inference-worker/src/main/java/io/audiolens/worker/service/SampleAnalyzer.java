package io.audiolens.worker.service;

import io.audiolens.schemas.AudioSample;
import io.audiolens.schemas.LayerProjection;
import io.audiolens.schemas.attributes.Attribute;
import io.audiolens.worker.lens.ClipSession;
import io.audiolens.worker.lens.LensReport;
import io.audiolens.worker.lens.LensRuntime;
import io.audiolens.worker.model.api.Enrichment;
import io.audiolens.worker.model.api.UnusableAudioException;
import io.audiolens.worker.prompt.PromptFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Runs the lens on one audio sample: the clip is encoded once, then each prompt format is read. */
final class SampleAnalyzer {
    private final LensRuntime runtime;
    private final WorkerSettings settings;

    SampleAnalyzer(LensRuntime runtime, WorkerSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
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
