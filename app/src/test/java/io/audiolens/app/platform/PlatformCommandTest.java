package io.audiolens.app.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.AudioLens;
import io.audiolens.app.run.ChildProcess;
import io.audiolens.embedded.Polling;
import io.audiolens.schemas.topics.Topic;
import io.audiolens.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiolens platform} as its own process: its addresses, busy ports, SIGTERM, and a restart on its folder. */
class PlatformCommandTest {
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path dir;

    @Test
    void shouldServeOnItsPortsRefuseBusyOnesStopOnSigtermAndResumeItsFolder() throws Exception {
        int kafkaPort = freePort();
        int registryPort = freePort();
        Path data = dir.resolve("platform");
        String[] platform = {"platform", "--dir", data.toString(), "--kafka-port", Integer.toString(kafkaPort),
                "--registry-port", Integer.toString(registryPort)};
        String bootstrap = "127.0.0.1:" + kafkaPort;

        ChildProcess.Running first = ChildProcess.start(dir, Map.of(), platform);
        List<String> printed = awaitServing(first);
        assertEquals(List.of("Kafka bootstrap servers: " + bootstrap,
                "schema registry:         http://127.0.0.1:" + registryPort,
                "data:                    " + data + " (new)",
                "clients take: --bootstrap-servers " + bootstrap + " --registry-url http://127.0.0.1:" + registryPort,
                "Ctrl-C stops; the data stays in " + data), printed);
        assertRefused(kafkaPort, "--kafka-port", "--kafka-port", Integer.toString(kafkaPort), "--registry-port",
                Integer.toString(freePort()));
        assertRefused(registryPort, "--registry-port", "--kafka-port", Integer.toString(freePort()), "--registry-port",
                Integer.toString(registryPort));
        assertEquals(0, AudioLens.commandLine().execute("topics", "--bootstrap-servers", bootstrap, "--replication-factor", "1"));

        first.process().destroy();
        assertTrue(first.process().waitFor(60, TimeUnit.SECONDS), "platform still running 60 s after SIGTERM");
        assertEquals(SIGTERM_EXIT, first.process().exitValue(), Files.readString(first.err()));
        assertTrue(Files.isRegularFile(data.resolve("kafka/logs/.kafka_cleanshutdown")),
                "Kafka wrote no clean-shutdown marker");

        ChildProcess.Running second = ChildProcess.start(dir, Map.of(), platform);
        try {
            assertTrue(awaitServing(second).contains("data:                    " + data + " (resumed)"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(topics.containsAll(Topics.all().stream().map(Topic::name).toList()), topics.toString());
            }
        } finally {
            second.process().destroy();
            second.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void assertRefused(int port, String option, String... ports) throws Exception {
        String[] args = new String[ports.length + 3];
        args[0] = "platform";
        args[1] = "--dir";
        args[2] = dir.resolve("other").toString();
        System.arraycopy(ports, 0, args, 3, ports.length);
        ChildProcess.Finished refused = ChildProcess.run(dir, Map.of(), args);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("port " + port + " on 127.0.0.1 (" + option + ") is in use"), refused.err());
        assertTrue(Files.notExists(dir.resolve("other")), "a refused platform created its folder");
    }

    /** The lines printed once both serve; fails with its stderr if the process ends first. */
    private static List<String> awaitServing(ChildProcess.Running platform) {
        Polling.awaitUntil(() -> {
            if (!platform.process().isAlive()) {
                throw new AssertionError("platform exited with " + platform.process().exitValue() + ": " + read(platform.err()));
            }
            return read(platform.out()).contains("Ctrl-C stops");
        }, Duration.ofSeconds(120), Duration.ofMillis(200), "the platform to print its addresses");
        return read(platform.out()).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
