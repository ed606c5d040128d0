package io.audiolens.aggregator.broker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Aggregators in their own JVMs ({@link AggregatorChild}), to be killed without warning; logs in {@code folder}. */
final class ChildAggregators {

    private final EmbeddedPlatform platform;
    private final Path folder;
    private final String topicPrefix;
    private final int probeSize;

    ChildAggregators(EmbeddedPlatform platform, Path folder, String topicPrefix, int probeSize) {
        this.platform = platform;
        this.folder = folder;
        this.topicPrefix = topicPrefix;
        this.probeSize = probeSize;
    }

    Process start(Path stateDir, String name) throws IOException {
        Path portFile = folder.resolve(name + ".port");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                AggregatorChild.class.getName(), platform.bootstrapServers(), platform.registryUrl(),
                stateDir.toString(), topicPrefix, Integer.toString(probeSize), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile())
                .start();
    }

    /** The HTTP port the child {@code name} serves on, once it does. */
    int awaitPort(Process child, String name) {
        Path portFile = folder.resolve(name + ".port");
        Polling.awaitUntil(() -> Files.exists(portFile) || !child.isAlive(), BrokerRuns.TIMEOUT, Duration.ofMillis(50),
                "the " + name + " aggregator's HTTP port");
        try {
            assertTrue(child.isAlive(), () -> "the " + name + " aggregator died: " + log(name));
            return Integer.parseInt(Files.readString(portFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String log(String name) {
        try {
            return Files.readString(folder.resolve(name + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
