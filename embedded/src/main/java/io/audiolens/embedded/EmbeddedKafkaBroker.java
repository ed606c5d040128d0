package io.audiolens.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft Kafka cluster (combined broker and controller) running in this JVM, listening
 * on 127.0.0.1, with its data in a folder of the caller's choosing. Its PLAINTEXT listener is always open;
 * {@link BrokerSecurity} adds SASL_PLAINTEXT and SASL_SSL listeners with users (PLAIN and SCRAM-SHA-512).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Map<SecurityProtocol, String> listeners;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Map<SecurityProtocol, String> listeners) {
        this.server = server;
        this.listeners = Map.copyOf(listeners);
    }

    /** {@link #start(Path, int, BrokerSecurity)} on a free port, without secured listeners. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, LoopbackPorts.ANY, BrokerSecurity.NONE);
    }

    /** {@link #start(Path)} with the secured listeners {@code security} asks for, its users ready to log in. */
    public static EmbeddedKafkaBroker start(Path dataDir, BrokerSecurity security) {
        return start(dataDir, LoopbackPorts.ANY, security);
    }

    /** {@link #start(Path, int, BrokerSecurity)} with only the plain listener. */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, BrokerSecurity.NONE);
    }

    /**
     * Starts the node with plain clients on {@code port} (0: a free one), and the secured listeners {@code
     * security} asks for on free ports, and returns once it accepts requests. An empty or absent {@code dataDir}
     * is formatted as a new cluster; one that holds a cluster already is resumed with its topics, offsets and
     * transactions.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, BrokerSecurity security) {
        Map<SecurityProtocol, Integer> ports = new EnumMap<>(SecurityProtocol.class);
        ports.put(SecurityProtocol.PLAINTEXT, port == LoopbackPorts.ANY ? LoopbackPorts.pickFree() : port);
        Properties props = KafkaBrokerConfig.singleNode(ports.get(SecurityProtocol.PLAINTEXT), LoopbackPorts.pickFree(),
                logDir(dataDir));
        if (security.isSecured()) {
            Map<SecurityProtocol, Integer> secured = new EnumMap<>(SecurityProtocol.class);
            secured.put(SecurityProtocol.SASL_PLAINTEXT, LoopbackPorts.pickFree());
            security.tls().ifPresent(tls -> secured.put(SecurityProtocol.SASL_SSL, LoopbackPorts.pickFree()));
            KafkaBrokerConfig.addSecuredListeners(props, security, secured);
            ports.putAll(secured);
        }
        KafkaConfig config = new KafkaConfig(props, false);
        if (!isFormatted(dataDir)) {
            format(config, dataDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Map<SecurityProtocol, String> listeners = new EnumMap<>(SecurityProtocol.class);
        ports.forEach((protocol, listening) -> listeners.put(protocol, LoopbackPorts.HOST + ":" + listening));
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, listeners);
        try {
            server.startup();
            broker.awaitServingClients();
            broker.createScramUsers(security.users());
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code host:port} of the PLAINTEXT listener, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers(SecurityProtocol.PLAINTEXT);
    }

    /** {@code host:port} of the listener for {@code protocol}; a listener that was not asked for is an error. */
    public String bootstrapServers(SecurityProtocol protocol) {
        String address = listeners.get(protocol);
        if (address == null) {
            throw new IllegalStateException("this embedded broker has no " + protocol + " listener; it has "
                    + listeners.keySet() + " (start it with a BrokerSecurity that asks for one)");
        }
        return address;
    }

    /** Stops broker and controller and waits until their threads have ended. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** The topics' logs and the cluster metadata log. */
    private static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** Formatting writes meta.properties, with the cluster id, into the log folder. */
    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(logDir(dataDir).resolve("meta.properties"));
    }

    private static void format(KafkaConfig config, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(KafkaBrokerConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setDirectories(config.logDirs())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: " + e.getMessage()
                    + "; the folder must be empty or absent", e);
        }
    }

    private void awaitServingClients() {
        try (Admin admin = plaintextAdmin()) {
            Polling.awaitUntil(() -> hasUnfencedBroker(admin), READY_TIMEOUT, Duration.ofMillis(50),
                    "the embedded Kafka broker on " + bootstrapServers() + " to register with its controller");
        }
    }

    /** SCRAM credentials live in the cluster's metadata: they are created once it runs, and awaited. */
    private void createScramUsers(Map<String, String> users) {
        if (users.isEmpty()) {
            return;
        }
        ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.fromMechanismName(
                KafkaBrokerConfig.SCRAM_MECHANISM), 4096);
        try (Admin admin = plaintextAdmin()) {
            admin.alterUserScramCredentials(users.entrySet().stream()
                    .<UserScramCredentialAlteration>map(u -> new UserScramCredentialUpsertion(u.getKey(), scram, u.getValue()))
                    .toList()).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Polling.awaitUntil(() -> hasScramCredentials(admin, users.size()), READY_TIMEOUT, Duration.ofMillis(50),
                    "the embedded Kafka broker's SCRAM users " + users.keySet());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the SCRAM users " + users.keySet() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM users", e);
        }
    }

    private static boolean hasScramCredentials(Admin admin, int users) {
        try {
            return admin.describeUserScramCredentials().all().get(5, TimeUnit.SECONDS).size() == users;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin plaintextAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static boolean hasUnfencedBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
