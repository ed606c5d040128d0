package io.audiolens.worker.service;

import io.audiolens.schemas.cluster.KafkaCluster;
import io.audiolens.schemas.topics.SerdeConfig;
import io.audiolens.worker.lens.View;
import io.audiolens.worker.prompt.LabelTokenMode;
import io.audiolens.worker.prompt.PromptFormat;
import io.audiolens.worker.runtime.ComputeDevice;
import java.nio.file.Path;
import java.util.List;

/**
 * What one inference worker does and where: the cluster, the model, the prompt formats and views it
 * emits. {@code workerId} names its transactional producer: give each worker its own, and give a
 * restarted worker its old one, so that the restart fences the dead instance's open transaction.
 */
public record WorkerSettings(KafkaCluster cluster, SerdeConfig serdes, Path model, ComputeDevice device,
        LabelTokenMode labelTokenMode, List<PromptFormat> prompts, List<View> views, String workerId,
        String consumerGroup) {

    public static final String DEFAULT_GROUP = "audiolens-workers";

    public WorkerSettings {
        prompts = List.copyOf(prompts);
        views = List.copyOf(views);
        if (prompts.isEmpty() || views.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one prompt format and one view");
        }
        if (workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException("a worker needs a --worker-id (stable across restarts)");
        }
    }

    /** Static group member id and transactional id of the projection loop. */
    public String memberId() {
        return "audiolens-worker-" + workerId;
    }
}
