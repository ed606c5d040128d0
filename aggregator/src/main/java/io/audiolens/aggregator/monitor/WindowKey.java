package io.audiolens.aggregator.monitor;

/** The key of a window on the windows topic: {@code group@windowStart} (epoch ms), e.g. {@code m|language|P1|last@1700000040000}. */
public record WindowKey(String group, long start) {

    static final char SEPARATOR = '@';

    public String asKey() {
        return group + SEPARATOR + start;
    }

    public static WindowKey parse(String key) {
        int at = key.lastIndexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("window key '" + key + "' is not group@windowStart");
        }
        return new WindowKey(key.substring(0, at), Long.parseLong(key.substring(at + 1)));
    }
}
