package io.audiolens.aggregator.topology;

import io.audiolens.schemas.CorrelationSnapshot;
import io.audiolens.schemas.ScoreSnapshot;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per model (records keyed by model): keeps its view LAST groups' latest critical layer and accuracy and
 * publishes Tables II and III for it. Its input is already rate-limited by the score publication.
 */
final class CorrelationProcessor implements Processor<String, ScoreSnapshot, String, CorrelationSnapshot> {

    private ProcessorContext<String, CorrelationSnapshot> context;
    private KeyValueStore<String, ModelPoints> modelPoints;

    @Override
    public void init(ProcessorContext<String, CorrelationSnapshot> processorContext) {
        context = processorContext;
        modelPoints = context.getStateStore(StoreNames.MODEL_POINTS);
    }

    @Override
    public void process(Record<String, ScoreSnapshot> record) {
        String model = record.value().getModel();
        ModelPoints updated = pointsOf(model).with(Snapshots.point(record.value()));
        modelPoints.put(model, updated);
        context.forward(record.withKey(model).withValue(Snapshots.correlation(model, updated.points())));
    }

    private ModelPoints pointsOf(String model) {
        ModelPoints points = modelPoints.get(model);
        return points == null ? new ModelPoints(List.of()) : points;
    }
}
