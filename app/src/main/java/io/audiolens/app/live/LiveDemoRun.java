package io.audiolens.app.live;

import io.audiolens.aggregator.monitor.MonitorSettings;
import io.audiolens.worker.hub.ModelLocation;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs {@code demo --live} in the foreground: prints where to look, a status line every 5 s, stops on Ctrl-C. */
public final class LiveDemoRun {
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

    private LiveDemoRun() {
    }

    public static int run(LiveOptions options, Path dataset, ModelLocation model, Path out, MonitorSettings monitor,
            ComputeDevice device) throws Exception {
        LiveDemo.Settings settings = new LiveDemo.Settings(dataset, options.attribute(), model, out, options.httpPort(),
                options.rate(), options.shift(), options.shiftAfter(), options.shiftFor(), monitor, device);
        Duration duration = options.duration();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (LiveDemo demo = LiveDemo.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                awaitQuietly(stopped);
            }, "audiolens-live-shutdown"));
            System.err.printf("dashboard: http://127.0.0.1:%d/  (also /monitor.json, /metrics.json, /metrics)%n"
                    + "worker:    http://127.0.0.1:%d/metrics  /healthz  /readyz%n"
                    + "feeding %s clips at %.1f/s as unlabelled audio; from %s on, for %s, every clip is shifted (%s)."
                    + " Ctrl-C stops.%n", demo.dashboardPort(), demo.workerPort(), options.attribute(), options.rate(),
                    options.shiftAfter(), options.shiftFor(), options.shift());
            LiveStatus status = new LiveStatus(demo.dashboardPort(), System.err);
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (!stop.await(STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                demo.checkAlive();
                status.print(demo);
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
