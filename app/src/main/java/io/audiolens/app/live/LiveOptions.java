package io.audiolens.app.live;

import io.audiolens.app.options.MonitorOptions;
import io.audiolens.producers.shift.AudioShift;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code demo --live} and what only it takes; any of these without {@code --live} is refused. */
public final class LiveOptions {

    @Option(names = "--live", required = true, description = "keep the pipeline running and feed the bundled clips as"
            + " an unlabelled stream that shifts after a while; watch the dashboard; Ctrl-C stops")
    boolean live;

    @Option(names = "--http-port", defaultValue = "8080", description = "the dashboard's port, 0 for any free one"
            + " (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--attribute", defaultValue = "language", description = "the track fed as the stream (default:"
            + " ${DEFAULT-VALUE})")
    String attribute;

    @Option(names = "--rate", defaultValue = "4", description = "clips per second fed (default: ${DEFAULT-VALUE},"
            + " what one worker on 2 cores keeps up with)")
    double rate;

    @Option(names = "--shift", defaultValue = "lowpass:1000", paramLabel = "none|lowpass:HZ|noise:DB",
            description = "how the feed changes after --shift-after, as produce --shift (default: ${DEFAULT-VALUE})")
    String shift;

    @Option(names = "--shift-after", defaultValue = "90s", description = "when the feed shifts (default: ${DEFAULT-VALUE})")
    String shiftAfter;

    @Option(names = "--shift-for", defaultValue = "60s", description = "how long the shift lasts before the feed is"
            + " plain again, to see the alerts recover (default: ${DEFAULT-VALUE})")
    String shiftFor;

    @Option(names = "--duration", description = "stop by itself after this long (default: until Ctrl-C)")
    String duration;

    double rate() {
        if (!(rate > 0 && rate <= 100)) {
            throw new IllegalArgumentException("--rate " + rate + " must be above 0 and at most 100 clips per second");
        }
        return rate;
    }

    AudioShift shift() {
        return AudioShift.parse(shift);
    }

    Duration shiftAfter() {
        return MonitorOptions.duration("--shift-after", shiftAfter);
    }

    Duration shiftFor() {
        return MonitorOptions.duration("--shift-for", shiftFor);
    }

    /** How long to run; null: until stopped. */
    Duration duration() {
        return duration == null ? null : MonitorOptions.duration("--duration", duration);
    }

    int httpPort() {
        return httpPort;
    }

    String attribute() {
        return attribute;
    }
}
