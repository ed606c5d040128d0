package io.audiolens.app.topics;

import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.TopicSpec;
import io.audiolens.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiolens topics}: creates the AudioLens topics a cluster is missing (existing ones are left alone). */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Create the AudioLens topics that are missing.")
public final class TopicsCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--replication-factor", defaultValue = "3", description = "replication factor (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicCreator.createMissing(admin, Topics.specs(), replicationFactor, Duration.ofSeconds(60));
        }
        for (TopicSpec spec : Topics.specs()) {
            System.err.printf("%-34s %2d partitions%s%n", spec.name(), spec.partitions(), spec.compacted() ? ", compacted" : "");
        }
        return 0;
    }
}
