package io.audiolens.aggregator.broker;

import io.audiolens.aggregator.AggregatorService;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An aggregator in its own JVM, for tests that kill it without warning. Arguments: bootstrap servers,
 * registry URL, state dir, topic prefix, probe size, file to write the HTTP port to.
 */
public final class AggregatorChild {

    /**
     * The Streams application id, which is also its consumer group: one per topic prefix, so that tests
     * sharing a broker share neither offsets nor changelogs.
     */
    static String applicationId(String topicPrefix) {
        return "restarted-" + topicPrefix.replaceAll("[^A-Za-z0-9-]", "");
    }

    private AggregatorChild() {
    }

    public static void main(String[] args) throws Exception {
        AggregatorService service = AggregatorService.start(new AggregatorService.Options(applicationId(args[3]),
                KafkaCluster.at(args[0]), SerdeConfig.forRegistry(args[1]), Path.of(args[2]), "127.0.0.1", 0,
                BrokerRuns.settings(args[3], Integer.parseInt(args[4])), CHILD_OVERRIDES));
        Path portFile = Path.of(args[5]);
        Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(service.httpPort()));
        Files.move(portFile.resolveSibling(portFile.getFileName() + ".tmp"), portFile);
        Thread.currentThread().join();
    }

    /** A killed member leaves the group after 6 s (the broker's minimum) instead of 45 s. */
    static final Map<String, Object> CHILD_OVERRIDES = Map.of("session.timeout.ms", 6000, "heartbeat.interval.ms", 1000);
}
