package io.audiolens.aggregator.http;

/** The metrics cannot be served right now (starting, rebalancing, a peer unreachable); retry. */
public final class MetricsUnavailable extends Exception {

    public MetricsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
