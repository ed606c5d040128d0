package io.audiolens.app.platform;

import io.audiolens.embedded.EmbeddedPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audiolens platform}: the embedded Kafka broker and schema registry on their own, in the
 * foreground until Ctrl-C, for the other commands to run against as separate processes.
 */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the embedded Kafka broker (KRaft) and Apicurio registry on 127.0.0.1 until Ctrl-C or SIGTERM.",
                "Their data stays in --dir: started again on it, they serve the same topics, offsets, committed",
                "transactions and schemas, under the same schema ids."})
public final class PlatformCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformCommand.class);
    private static final String HOST = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "data folder: kafka/, registry/ and schema-registry.log; created when absent, resumed when not")
    Path dir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka's client port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081",
            description = "the registry's HTTP port (default: ${DEFAULT-VALUE}; 8080 is the aggregator's dashboard)")
    int registryPort;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        boolean resumed = EmbeddedPlatform.holdsData(dir);
        EmbeddedPlatform platform = EmbeddedPlatform.start(dir.toAbsolutePath(), kafkaPort, registryPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(platform), "audiolens-platform-shutdown"));
        printAddresses(platform, resumed);
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            try {
                platform.requireRunning();
            } catch (IllegalStateException registryDied) {
                if (!stopping) {
                    throw registryDied;
                }
            }
        }
        return 0;
    }

    /** Registry first, then the broker, which writes its clean-shutdown marker and skips log recovery next time. */
    private void stop(EmbeddedPlatform platform) {
        stopping = true;
        LOG.info("stopping the registry, then the broker");
        try {
            platform.close();
            LOG.info("stopped; the data stays in {}", platform.runFolder());
        } finally {
            stopped.countDown();
        }
    }

    private void printAddresses(EmbeddedPlatform platform, boolean resumed) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kafka bootstrap servers: " + platform.bootstrapServers());
        out.println("schema registry:         " + platform.registryUrl());
        out.println("data:                    " + platform.runFolder() + (resumed ? " (resumed)" : " (new)"));
        out.println("clients take: --bootstrap-servers " + platform.bootstrapServers() + " --registry-url "
                + platform.registryUrl());
        out.println("Ctrl-C stops; the data stays in " + platform.runFolder());
        out.flush();
    }

    private void checkOptions() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " is a file; pass a folder (created when absent)");
        }
        if (kafkaPort == registryPort) {
            throw new IllegalArgumentException("--kafka-port and --registry-port are both " + kafkaPort
                    + "; give them different ports");
        }
        requireFree(kafkaPort, "--kafka-port");
        requireFree(registryPort, "--registry-port");
    }

    private static void requireFree(int port, String option) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " must be a port from 1 to 65535, got " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException inUse) {
            throw new IllegalArgumentException("port " + port + " on " + HOST + " (" + option + ") is in use: "
                    + inUse.getMessage() + "; stop what listens there, or pass " + option + " with a free port");
        }
    }
}
