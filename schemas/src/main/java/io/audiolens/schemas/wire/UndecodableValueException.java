package io.audiolens.schemas.wire;

/**
 * A record value that cannot be read, whatever the registry says: it is not in the registry's wire format,
 * its schema id is unknown to the registry, or its Avro body does not decode. The record is at fault, so
 * it becomes a dead letter with {@link #reason()}.
 */
public final class UndecodableValueException extends Exception {

    public UndecodableValueException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
