package io.audiolens.app.topics;

import io.audiolens.app.options.KafkaOptions;
import io.audiolens.schemas.topics.TopicCreator;
import io.audiolens.schemas.topics.TopicSpec;
import io.audiolens.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiolens topics}: creates the AudioLens topics a cluster is missing (existing ones are left alone). */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Create the AudioLens topics that are missing.")
public final class TopicsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--replication-factor", defaultValue = "3", description = "replication factor (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Override
    public Integer call() throws Exception {
        try (Admin admin = kafka.cluster().createAdmin()) {
            TopicCreator.createMissing(admin, Topics.specs(), replicationFactor, Duration.ofSeconds(60));
        }
        for (TopicSpec spec : Topics.specs()) {
            System.err.printf("%-34s %2d partitions%s%n", spec.name(), spec.partitions(), spec.compacted() ? ", compacted" : "");
        }
        return 0;
    }
}
