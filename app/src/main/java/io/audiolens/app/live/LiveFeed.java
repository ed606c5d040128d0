package io.audiolens.app.live;

import io.audiolens.producers.SampleProducer;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.shift.AudioShift;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.split.ProbeQuota;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live demo's stream: the bundled clips again and again as unlabelled audio, at a steady rate, each
 * round under new sample ids ({@code live/<attribute>/r0007/<file>}); from {@code shiftAfter} on, for
 * {@code shiftFor}, every clip is changed by the shift, the way {@code produce --shift} changes them.
 */
final class LiveFeed implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final List<ListedClip> clips;
    private final KafkaCluster cluster;
    private final SerdeConfig serdes;
    private final double clipsPerSecond;
    private final AudioShift shift;
    private final Duration shiftAfter;
    private final Duration shiftFor;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile long sent;
    private volatile boolean shifted;

    LiveFeed(List<ListedClip> clips, KafkaCluster cluster, SerdeConfig serdes, double clipsPerSecond,
            AudioShift shift, Duration shiftAfter, Duration shiftFor) {
        this.clips = List.copyOf(clips);
        this.cluster = cluster;
        this.serdes = serdes;
        this.clipsPerSecond = clipsPerSecond;
        this.shift = shift;
        this.shiftAfter = shiftAfter;
        this.shiftFor = shiftFor;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long gap = (long) (1e9 / clipsPerSecond);
        try (SampleProducer plain = SampleProducer.connect(cluster, serdes);
                SampleProducer changed = SampleProducer.connect(cluster, serdes, shift)) {
            for (int round = 1; ; round++) {
                for (ListedClip clip : clips) {
                    long due = start + sent * gap;
                    if (stop.await(Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    long elapsed = System.nanoTime() - start;
                    boolean shiftNow = elapsed >= shiftAfter.toNanos() && elapsed < shiftAfter.plus(shiftFor).toNanos();
                    if (shiftNow != shifted) {
                        LOG.info(shiftNow ? "the feed now shifts every clip: {}" : "the feed is plain again ({} ended)",
                                shift);
                        shifted = shiftNow;
                    }
                    (shiftNow ? changed : plain).produce(List.of(inRound(clip, round)), new ProbeQuota(1), Progress.NONE);
                    sent++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long sent() {
        return sent;
    }

    boolean shifted() {
        return shifted;
    }

    void stop() {
        stop.countDown();
    }

    /** The clip under a new id per round and without its label: a live stream is unlabelled. */
    private static ListedClip inRound(ListedClip clip, int round) {
        return ListedClip.of("live", clip.attribute(), String.format("r%04d/%s", round, clip.file().getFileName()),
                clip.file(), Optional.empty(), Optional.empty());
    }
}
