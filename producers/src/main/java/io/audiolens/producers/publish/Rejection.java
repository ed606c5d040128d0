package io.audiolens.producers.publish;

/**
 * A clip that was not published as a sample, or a record the broker did not take.
 *
 * @param sampleId the would-be sample id, the dead letter's key
 * @param source the file, as given
 */
public record Rejection(String sampleId, String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
