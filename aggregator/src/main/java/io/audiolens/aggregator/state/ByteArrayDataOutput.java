package io.audiolens.aggregator.state;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link DataOutput} into a growable byte array, byte for byte what {@link java.io.DataOutputStream} writes
 * (big-endian, modified UTF-8), without its per-byte stream calls: the aggregator encodes a group's counts
 * (thousands of longs) on every record, and through a {@code DataOutputStream} that cost more than the
 * counting.
 */
final class ByteArrayDataOutput implements DataOutput {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;

    ByteArrayDataOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** What was written, as a new array of exactly that length. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    int size() {
        return size;
    }

    private int reserve(int n) {
        int at = size;
        if (at + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(at + n, bytes.length * 2));
        }
        size = at + n;
        return at;
    }

    @Override
    public void write(int b) {
        int at = reserve(1);
        bytes[at] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int at = reserve(len);
        System.arraycopy(b, off, bytes, at, len);
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        int at = reserve(2); // first: it may replace the array
        SHORT.set(bytes, at, (short) v);
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        int at = reserve(4); // first: it may replace the array
        INT.set(bytes, at, v);
    }

    @Override
    public void writeLong(long v) {
        int at = reserve(8); // first: it may replace the array
        LONG.set(bytes, at, v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int at = reserve(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[at + i] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 behind a two-byte length, as {@code DataOutputStream.writeUTF}. */
    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        if (length > 0xFFFF) {
            throw new UTFDataFormatException("encoded string too long: " + length + " bytes");
        }
        writeShort(length);
        int at = reserve(length);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                bytes[at++] = (byte) c;
            } else if (c <= 0x07FF) {
                bytes[at++] = (byte) (0xC0 | (c >> 6) & 0x1F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12) & 0x0F);
                bytes[at++] = (byte) (0x80 | (c >> 6) & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }
}
