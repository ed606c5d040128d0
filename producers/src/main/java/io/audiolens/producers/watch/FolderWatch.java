package io.audiolens.producers.watch;

import io.audiolens.producers.SampleProducer;
import io.audiolens.producers.publish.ProduceSummary;
import io.audiolens.producers.publish.Progress;
import io.audiolens.producers.publish.Rejection;
import io.audiolens.producers.source.ListedClip;
import io.audiolens.producers.split.SplitPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Publishes what lands in a {@link WatchedFolder}, one scan per interval, until stopped. A file is
 * remembered as sent only once the broker acknowledged its sample or dead letter; if the process dies
 * in between, the file is sent again after a restart (downstream de-duplicates by sample id).
 */
public final class FolderWatch {

    private final SampleProducer producer;
    private final WatchedFolder folder;
    private final SplitPolicy policy;
    private final Progress progress;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private ProduceSummary total = ProduceSummary.empty();

    public FolderWatch(SampleProducer producer, WatchedFolder folder, SplitPolicy policy, Progress progress) {
        this.producer = producer;
        this.folder = folder;
        this.policy = policy;
        this.progress = progress;
    }

    /** One scan: publishes the files that are ready and remembers those acknowledged. */
    public ProduceSummary pollOnce() {
        List<ListedClip> clips = folder.newClips();
        if (clips.isEmpty()) {
            return ProduceSummary.empty();
        }
        ProduceSummary summary = producer.produce(clips, policy, progress);
        Set<String> failed = summary.failed().stream().map(Rejection::sampleId).collect(Collectors.toSet());
        folder.remember(clips.stream().filter(clip -> !failed.contains(clip.sampleId())).toList());
        total = total.plus(summary);
        return summary;
    }

    /** Scans every {@code interval} until {@link #stop()} (or an interrupt); returns what all scans did. */
    public ProduceSummary run(Duration interval) {
        long nextScan = System.nanoTime();
        try {
            do {
                pollOnce();
                nextScan = Math.max(nextScan + interval.toNanos(), System.nanoTime());
            } while (!stopRequested.await(nextScan - System.nanoTime(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.finish();
        return total;
    }

    /** Ends {@link #run} after the scan in progress, if any; safe to call from any thread. */
    public void stop() {
        stopRequested.countDown();
    }
}
