package io.audiolens.telemetry;

/** What {@code /healthz} (alive: restarting would not help otherwise) and {@code /readyz} (doing its work) say. */
public interface Health {

    /** A check's answer; {@code detail} says why, for people and logs. */
    record Status(boolean ok, String detail) {

        public static Status ok(String detail) {
            return new Status(true, detail);
        }

        public static Status failing(String detail) {
            return new Status(false, detail);
        }
    }

    Status liveness();

    Status readiness();
}
