package io.audiolens.worker.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch engine did not start. Keeps the whole cause chain: DJL's own message is one line ("Failed to
 * load PyTorch native library") while the reason (which library, which symbol, which CUDA) is nested below it.
 */
public final class EngineStartException extends RuntimeException {

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This exception and every nested cause, outermost first, each as {@code type: message}. */
    public List<String> causeChain() {
        List<String> chain = new ArrayList<>();
        for (Throwable t = this; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return chain;
    }
}
