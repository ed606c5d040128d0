package io.audiolens.worker.runtime;

import ai.djl.pytorch.jni.JniUtils;

/**
 * DJL settings every process of ours needs before the engine starts: never download anything (the
 * engine and its native library come from Maven jars), one intra-op thread per core and no inter-op
 * threads. Values given with -D win, except where a command sets the threads itself
 * ({@link #useIntraOpThreads}, as {@code train-tiny --threads} does).
 */
public final class DjlDefaults {
    private DjlDefaults() {}

    public static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    }

    /** Starts the PyTorch engine if it is not running yet and sets its intra-op threads to {@code threads}. */
    public static void useIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        PyTorchEngine.start();
        JniUtils.setNumThreads(threads);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
