package io.audiolens.worker.runtime;

/**
 * One GPU as DJL sees it (DJL reports no product name: its device name and CUDA compute capability).
 *
 * @param device DJL's name, {@code gpu(0)}
 * @param computeCapability e.g. {@code 89}; null when CUDA did not say
 * @param memoryBytes total device memory; -1 when CUDA did not say
 * @param usedBytes memory in use by any process; -1 when CUDA did not say
 */
public record GpuFacts(String device, String computeCapability, long memoryBytes, long usedBytes) {}
