package io.audiolens.producers;

import io.audiolens.audio.DecodedAudio;
import io.audiolens.producers.clip.CheckedClip;
import io.audiolens.producers.clip.ClipCheck;
import io.audiolens.producers.clip.ClipDecoding;
import io.audiolens.producers.clip.ClipRejected;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.publish.Rejection;
import io.audiolens.producers.publish.SampleSink;
import io.audiolens.producers.publish.Tally;
import io.audiolens.producers.shift.AudioShift;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.split.IdHash;
import io.audiolens.producers.split.SplitPolicy;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import java.util.Comparator;
import java.util.List;

/**
 * Turns listed clips into {@code AudioSample} events: checks each, decodes it to 16 kHz mono PCM16,
 * gives it a split and publishes it; every clip that cannot be used is dead-lettered with the reason.
 * The same class serves the {@code produce} command and code that brings its own platform.
 *
 * <p>Clips are published in a fixed order: those whose split is fixed (by the source, or UNLABELLED)
 * first, in listing order; then per attribute by {@link IdHash#ORDER}, which is the order a
 * {@link io.audiolens.producers.split.ProbeQuota} needs, and puts each attribute's probe set first.
 */
public final class SampleProducer implements AutoCloseable {

    private static final Comparator<CheckedClip> BY_ATTRIBUTE_THEN_HASH =
            Comparator.<CheckedClip, String>comparing(clip -> clip.attribute().name())
                    .thenComparing(CheckedClip::sampleId, IdHash.ORDER);

    private final SampleSink sink;
    private final AudioShift shift;

    public SampleProducer(SampleSink sink) {
        this(sink, AudioShift.NONE);
    }

    /** A producer that changes every clip's audio by {@code shift} before publishing it. */
    public SampleProducer(SampleSink sink, AudioShift shift) {
        this.sink = sink;
        this.shift = shift;
    }

    /** A producer for {@code cluster}, with the registry that {@code serdeConfig} names. */
    public static SampleProducer connect(KafkaCluster cluster, SerdeConfig serdeConfig) {
        return connect(cluster, serdeConfig, AudioShift.NONE);
    }

    public static SampleProducer connect(KafkaCluster cluster, SerdeConfig serdeConfig, AudioShift shift) {
        return new SampleProducer(SampleSink.connect(cluster, serdeConfig), shift);
    }

    /**
     * Publishes {@code clips} and returns once the broker has acknowledged every record; {@code progress}
     * advances once per clip and is not finished here.
     */
    public ProduceSummary produce(List<ListedClip> clips, SplitPolicy policy, Progress progress) {
        Tally tally = new Tally();
        List<CheckedClip> usable = new ClipCheck().usable(clips, (clip, reason) -> {
            sink.reject(new Rejection(clip.sampleId(), clip.file().toString(), reason), clip.file(), tally);
            progress.advance();
        });
        List<CheckedClip> splitFixed = usable.stream().filter(clip -> clip.fixedSplit().isPresent()).toList();
        List<CheckedClip> splitChosen = usable.stream().filter(clip -> clip.fixedSplit().isEmpty())
                .sorted(BY_ATTRIBUTE_THEN_HASH).toList();
        for (List<CheckedClip> part : List.of(splitFixed, splitChosen)) {
            for (CheckedClip clip : part) {
                publish(clip, policy, tally);
                progress.advance();
            }
        }
        sink.flush();
        return tally.summary();
    }

    private void publish(CheckedClip clip, SplitPolicy policy, Tally tally) {
        DecodedAudio audio;
        try {
            audio = ClipDecoding.decode(clip);
        } catch (ClipRejected e) {
            sink.reject(new Rejection(clip.sampleId(), clip.file().toString(), e.reason()), clip.file(), tally);
            return;
        }
        Split split = clip.fixedSplit().orElseGet(() -> policy.assign(clip.sampleId(), clip.attribute().name()));
        short[] pcm16 = shift.apply(audio.pcm16(), clip.sampleId());
        sink.publish(ClipDecoding.toSample(clip, pcm16, split), audio.wasCut(), ClipDecoding.wasConverted(audio),
                tally);
    }

    @Override
    public void close() {
        sink.close();
    }
}
