package io.audiolens.aggregator.state;

/** The version byte every stored state starts with. */
public final class StateFormat {

    private StateFormat() {
    }

    public static void expect(byte expected, byte found, String what) {
        if (found != expected) {
            throw new IllegalStateException("stored " + what + " have format " + found + ", this aggregator reads "
                    + expected + "; reset the application (kafka-streams-application-reset) and replay");
        }
    }
}
