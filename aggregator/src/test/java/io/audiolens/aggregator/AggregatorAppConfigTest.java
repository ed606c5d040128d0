package io.audiolens.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.audiolens.schemas.cluster.KafkaCluster;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AggregatorAppConfigTest {

    @Test
    void shouldCommitExactlyOnceEvery200Milliseconds() {
        Properties ours = AggregatorApp.config("app", KafkaCluster.at("localhost:9092"), Path.of("state"), null);
        assertEquals(200L, new StreamsConfig(ours).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, ours.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    }
}
