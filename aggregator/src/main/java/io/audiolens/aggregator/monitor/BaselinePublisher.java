package io.audiolens.aggregator.monitor;

import io.audiolens.aggregator.state.ReadingCounts;
import io.audiolens.schemas.MonitorBaseline;
import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/** Pins baselines on (or unpins them from) the compacted baselines topic, waiting for the broker's ack. */
public final class BaselinePublisher implements AutoCloseable {

    private final String topic;
    private final Serde<MonitorBaseline> values;
    private final KafkaProducer<String, MonitorBaseline> producer;

    public BaselinePublisher(KafkaCluster cluster, SerdeConfig serdes, String topic) {
        this.topic = topic;
        this.values = Topics.MONITOR_BASELINES.valueSerde(serdes);
        this.producer = new KafkaProducer<>(cluster.producer(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(), values.serializer());
    }

    public void pin(String group, String source, List<String> labels, ReadingCounts counts) {
        send(group, MonitorBaseline.newBuilder().setSource(source).setLabels(labels).setLayers(counts.layers())
                .setReadings(Readings.of(counts).toAvro()).build());
    }

    /** The group goes back to its default baseline, its first windows. */
    public void unpin(String group) {
        send(group, null);
    }

    private void send(String group, MonitorBaseline baseline) {
        try {
            producer.send(new ProducerRecord<>(topic, group, baseline)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write the baseline of " + group + " to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the baseline of " + group, e);
        }
    }

    @Override
    public void close() {
        try (values) {
            producer.close();
        }
    }
}
