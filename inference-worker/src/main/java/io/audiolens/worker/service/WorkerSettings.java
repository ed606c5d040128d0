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
 * {@code batchSize} clips of one poll run their prompts through the decoder together
 * ({@link io.audiolens.worker.lens.LensRuntime#analyze(List)}).
 */
public record WorkerSettings(KafkaCluster cluster, SerdeConfig serdes, Path model, ComputeDevice device,
        LabelTokenMode labelTokenMode, List<PromptFormat> prompts, List<View> views, String workerId,
        String consumerGroup, int batchSize) {

    public static final String DEFAULT_GROUP = "audiolens-workers";

    /** Settings with the device's default batch size ({@link #defaultBatchSize}). */
    public WorkerSettings(KafkaCluster cluster, SerdeConfig serdes, Path model, ComputeDevice device,
            LabelTokenMode labelTokenMode, List<PromptFormat> prompts, List<View> views, String workerId,
            String consumerGroup) {
        this(cluster, serdes, model, device, labelTokenMode, prompts, views, workerId, consumerGroup,
                defaultBatchSize(device));
    }

    /**
     * Clips per decoder batch when none is given: 1 on the CPU, 8 on a GPU. A batch's numbers depend on which
     * clips share it (larger matrix products round differently, ~1e-6), so a batching worker's margins and
     * entropies can differ in their last digits between two runs of the same input; one clip at a time, a run
     * is reproducible byte for byte, which the CPU keeps by default ({@code audiolens bench worker} on the
     * bundled model: batch 4 is 1.57 × the clips/s of batch 1, 16 is 2.01 ×; pass {@code --batch-size} to
     * trade). A GPU is not bitwise reproducible anyway, and one clip leaves most of it idle (not measured here).
     */
    public static int defaultBatchSize(ComputeDevice device) {
        return device.device().isGpu() ? 8 : 1;
    }

    /** Records per poll (one transaction): {@link LoopClients#RECORDS_PER_POLL}, or a batch when it is larger. */
    public int recordsPerPoll() {
        return Math.max(LoopClients.RECORDS_PER_POLL, batchSize);
    }

    public WorkerSettings withBatchSize(int clipsPerBatch) {
        return new WorkerSettings(cluster, serdes, model, device, labelTokenMode, prompts, views, workerId,
                consumerGroup, clipsPerBatch);
    }

    public WorkerSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size " + batchSize + ": give 1 or more clips per batch");
        }
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
