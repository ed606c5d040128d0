package io.audiolens.schemas.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics that do not exist yet; existing topics are left as they are. */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void createMissing(Admin admin, Collection<TopicSpec> specs, short replicationFactor,
            Duration timeout) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(
                specs.stream().map(spec -> spec.toNewTopic(replicationFactor)).toList()).values();
        long deadline = System.nanoTime() + timeout.toNanos();
        results.forEach((topic, result) -> awaitCreated(topic, result, deadline, replicationFactor));
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> result, long deadline,
            short replicationFactor) {
        try {
            result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic + " with replication factor "
                        + replicationFactor + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic + " timed out; is the broker reachable, and does"
                    + " security.protocol in --kafka-config match its listener?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
