package io.audiolens.worker.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array of a {@code .npy} file (format versions 1–3, C order, little-endian {@code <f4 <f8 <i4 <i8}),
 * kept as its raw data bytes. A scalar has shape {@code []} and one element.
 */
record NpyArray(String name, String dtype, long[] shape, ByteBuffer data) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static NpyArray parse(String name, byte[] npy) {
        if (npy.length < 10 || !Arrays.equals(Arrays.copyOf(npy, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(name + " is not a .npy array (no \\x93NUMPY magic)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        int major = npy[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        String header = new String(npy, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        if (find(FORTRAN, header, name).equals("True")) {
            throw new IllegalArgumentException(name + " is Fortran-ordered: save it with np.ascontiguousarray");
        }
        String dtype = find(DESCR, header, name);
        long[] shape = Arrays.stream(find(SHAPE, header, name).split(","))
                .map(String::trim)
                .filter(dim -> !dim.isEmpty())
                .mapToLong(Long::parseLong)
                .toArray();
        ByteBuffer data = ByteBuffer.wrap(npy, headerStart + headerLength, npy.length - headerStart - headerLength)
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new NpyArray(name, dtype, shape, data);
    }

    long size() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    float[] floats() {
        float[] values = new float[Math.toIntExact(size())];
        switch (dtype) {
            case "<f4" -> data.asFloatBuffer().get(values);
            case "<f8" -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) data.getDouble(8 * i);
                }
            }
            default -> throw wrongType("floats()", "<f4 or <f8");
        }
        return values;
    }

    long[] longs() {
        long[] values = new long[Math.toIntExact(size())];
        switch (dtype) {
            case "<i8" -> data.asLongBuffer().get(values);
            case "<i4" -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = data.getInt(4 * i);
                }
            }
            default -> throw wrongType("longs()", "<i8 or <i4");
        }
        return values;
    }

    private IllegalArgumentException wrongType(String reader, String accepted) {
        return new IllegalArgumentException("array '" + name + "' has dtype " + dtype + "; " + reader
                + " reads " + accepted + ": use the reader for its type");
    }

    private static String find(Pattern pattern, String header, String name) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IllegalArgumentException(name + ": .npy header lacks " + pattern.pattern() + ": " + header);
        }
        return matcher.group(1);
    }
}
