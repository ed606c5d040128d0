package io.audiolens.aggregator.state;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@link DataInput} over a byte array, reading what {@link java.io.DataOutputStream} (or
 * {@link ByteArrayDataOutput}) wrote; running past the end throws {@link EOFException}, as a stream does.
 */
final class ByteArrayDataInput implements DataInput {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private int position;

    ByteArrayDataInput(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Bytes not read yet. */
    int remaining() {
        return bytes.length - position;
    }

    private int take(int n) throws EOFException {
        if (n > bytes.length - position) {
            throw new EOFException("needs " + n + " more bytes at offset " + position + " of " + bytes.length);
        }
        int at = position;
        position += n;
        return at;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        System.arraycopy(bytes, take(len), b, off, len);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, remaining()));
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return bytes[take(1)];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        return (short) SHORT.get(bytes, take(2));
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        return (int) INT.get(bytes, take(4));
    }

    @Override
    public long readLong() throws IOException {
        return (long) LONG.get(bytes, take(8));
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not used by any stored state; lines are not part of a binary format. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("stored states hold no text lines");
    }

    @Override
    public String readUTF() throws IOException {
        int start = position;
        int length = readUnsignedShort();
        int at = take(length);
        for (int i = at; i < at + length; i++) {
            if (bytes[i] <= 0) { // 0 or ≥ 0x80: a character modified UTF-8 writes in two or three bytes
                position = start;
                return DataInputStream.readUTF(this);
            }
        }
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1); // ASCII, as ids and labels are
    }
}
