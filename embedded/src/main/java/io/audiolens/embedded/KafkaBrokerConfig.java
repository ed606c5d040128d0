package io.audiolens.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a single-node KRaft cluster (broker and controller in one) on loopback. */
final class KafkaBrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

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
        return props;
    }
}
