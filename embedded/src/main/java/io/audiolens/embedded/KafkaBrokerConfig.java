package io.audiolens.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/** The server.properties of a single-node KRaft cluster (broker and controller in one) on loopback. */
final class KafkaBrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private KafkaBrokerConfig() {
    }

    static Properties singleNode(int brokerPort, int controllerPort, Path logDir) {
        String host = LoopbackPorts.HOST;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host
                + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic gets one replica and one partition
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        // topics come from Topics/TopicCreator; a typo in a topic name must fail, not create a topic
        props.put("auto.create.topics.enable", "false");
        // consumer groups form at once instead of after the default 3 s
        props.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB cleaner buffer is too much for a test JVM
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        // time-based deletion every second instead of every 5 minutes (after a first wait of 30 s): a topic whose
        // records are deleted by their timestamps meets it at once, in every run, not when a run happens to last long
        props.put("log.retention.check.interval.ms", "1000");
        props.put("log.initial.task.delay.ms", "0");
        return props;
    }

    /**
     * Adds a listener for each of {@code ports}' secured protocols (SASL_PLAINTEXT, SASL_SSL) taking PLAIN for
     * {@code security}'s users and SCRAM-SHA-512 for the credentials created once the broker runs.
     */
    static void addSecuredListeners(Properties props, BrokerSecurity security, Map<SecurityProtocol, Integer> ports) {
        String host = LoopbackPorts.HOST;
        String plainJaas = "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + security.users().entrySet().stream().map(u -> "user_" + u.getKey() + "=\"" + u.getValue() + "\"")
                        .collect(Collectors.joining(" ")) + ";";
        ports.forEach((protocol, port) -> {
            String listener = protocol.name;
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
            append(props, "listeners", listener + "://" + host + ":" + port);
            append(props, "advertised.listeners", listener + "://" + host + ":" + port);
            append(props, "listener.security.protocol.map", listener + ":" + listener);
            props.put(prefix + "plain.sasl.jaas.config", plainJaas);
            props.put(prefix + SCRAM_MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            if (protocol == SecurityProtocol.SASL_SSL) {
                TlsIdentity tls = security.tls().orElseThrow();
                props.put(prefix + "ssl.keystore.type", "PKCS12");
                props.put(prefix + "ssl.keystore.location", tls.keystore().toAbsolutePath().toString());
                props.put(prefix + "ssl.keystore.password", tls.keystorePassword());
                props.put(prefix + "ssl.key.password", tls.keystorePassword());
            }
        });
        props.put("sasl.enabled.mechanisms", "PLAIN," + SCRAM_MECHANISM);
    }

    private static void append(Properties props, String key, String entry) {
        props.put(key, props.getProperty(key) + "," + entry);
    }
}
