package io.audiolens.producers.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.schemas.cluster.KafkaCluster;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class IdempotentProducerTest {

    @Test
    void shouldBeIdempotentAndWaitForEveryInSyncReplica() {
        Map<String, Object> config = IdempotentProducer.config(KafkaCluster.at("broker:9092"));

        assertEquals(true, config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("broker:9092", config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }
}
