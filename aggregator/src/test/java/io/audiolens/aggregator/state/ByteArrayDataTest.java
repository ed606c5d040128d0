package io.audiolens.aggregator.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array-backed DataOutput/DataInput against the JDK's streams: the same bytes, the same values. */
class ByteArrayDataTest {

    private static final String[] TEXTS = {"", "qwen2-audio|animal|P3|last", "\u0000nul", "Größe ½", "中文 日本語 한국어",
        "\uD83D\uDC36 dog", "\u07FF\u0800\uFFFF"};

    /** One random op sequence, replayable on any DataOutput, and the values it wrote. */
    private record Script(long seed, int ops) {
        void write(DataOutput out) throws IOException {
            Random random = new Random(seed);
            for (int i = 0; i < ops; i++) {
                switch (random.nextInt(8)) {
                    case 0 -> out.writeLong(random.nextLong());
                    case 1 -> out.writeInt(random.nextInt());
                    case 2 -> out.writeDouble(random.nextBoolean() ? random.nextGaussian() : Double.NaN);
                    case 3 -> out.writeByte(random.nextInt(256) - 128);
                    case 4 -> out.writeBoolean(random.nextBoolean());
                    case 5 -> out.writeUTF(TEXTS[random.nextInt(TEXTS.length)]);
                    case 6 -> out.writeShort(random.nextInt(65536));
                    default -> out.writeFloat(random.nextFloat());
                }
            }
        }

        List<Object> read(DataInput in) throws IOException {
            Random random = new Random(seed);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < ops; i++) {
                switch (random.nextInt(8)) {
                    case 0 -> { random.nextLong(); values.add(in.readLong()); }
                    case 1 -> { random.nextInt(); values.add(in.readInt()); }
                    case 2 -> { if (random.nextBoolean()) { random.nextGaussian(); } values.add(in.readDouble()); }
                    case 3 -> { random.nextInt(256); values.add(in.readByte()); }
                    case 4 -> { random.nextBoolean(); values.add(in.readBoolean()); }
                    case 5 -> { random.nextInt(TEXTS.length); values.add(in.readUTF()); }
                    case 6 -> { random.nextInt(65536); values.add(in.readShort()); }
                    default -> { random.nextFloat(); values.add(in.readFloat()); }
                }
            }
            return values;
        }
    }

    @Test
    void shouldWriteTheBytesOfADataOutputStreamAndReadBackWhatItReads() throws Exception {
        for (long seed = 1; seed <= 50; seed++) {
            Script script = new Script(seed, 1 + (int) (seed * 37 % 400));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(expected)) {
                script.write(out);
            }
            ByteArrayDataOutput ours = new ByteArrayDataOutput(1);
            script.write(ours);

            assertArrayEquals(expected.toByteArray(), ours.toByteArray(), "seed " + seed);
            List<Object> byJdk = script.read(new DataInputStream(new ByteArrayInputStream(expected.toByteArray())));
            ByteArrayDataInput in = new ByteArrayDataInput(ours.toByteArray());
            assertEquals(byJdk, script.read(in), "seed " + seed);
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void shouldThrowEndOfFileOnTruncatedStateLikeAStream() throws Exception {
        ByteArrayDataOutput out = new ByteArrayDataOutput(16);
        out.writeLong(42);
        out.writeUTF("group");
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 2);
        ByteArrayDataInput in = new ByteArrayDataInput(truncated);

        assertEquals(42, in.readLong());
        assertThrows(EOFException.class, in::readUTF);
        assertThrows(EOFException.class, () -> new ByteArrayDataInput(new byte[3]).readInt());
    }

    @Test
    void shouldRefuseAStringLongerThanModifiedUtf8AllowsAsTheJdkDoes() {
        String tooLong = "é".repeat(40_000); // 80,000 bytes
        assertThrows(java.io.UTFDataFormatException.class,
                () -> new DataOutputStream(new ByteArrayOutputStream()).writeUTF(tooLong));
        assertThrows(java.io.UTFDataFormatException.class, () -> new ByteArrayDataOutput(16).writeUTF(tooLong));
    }
}
