package io.audiolens.audio;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/** Says why javax.sound refused a file, from its first bytes, so the refusal can name the problem and the fix. */
final class HeaderDiagnosis {

    static final int HEAD_BYTES = 4096;

    private static final int MIN_FMT_BODY = 16;

    private static final String CONVERT = "convert it, e.g. ffmpeg -i IN -ac 1 -ar 16000 -c:a pcm_s16le OUT.wav";

    private static final Map<String, String> COMPRESSED_MAGIC = Map.of(
            "fLaC", "FLAC", "OggS", "Ogg", "ID3", "MP3", "caff", "Core Audio (CAF)");

    private static final Map<Integer, String> WAV_TAGS = Map.of(
            0x0002, "MS ADPCM", 0x0006, "A-law", 0x0007, "µ-law", 0x0011, "IMA ADPCM",
            0x0031, "GSM 6.10", 0x0050, "MPEG", 0x0055, "MPEG Layer 3", 0x00FF, "AAC");

    private HeaderDiagnosis() {
    }

    /** The reason, given the first {@link #HEAD_BYTES} (or fewer) bytes of a non-empty file. */
    static String explain(byte[] head) {
        if (!startsWith(head, "RIFF")) {
            return COMPRESSED_MAGIC.entrySet().stream()
                    .filter(magic -> startsWith(head, magic.getKey()))
                    .map(magic -> magic.getValue() + " is compressed; " + CONVERT)
                    .findFirst()
                    .orElseGet(() -> "not a WAV file: it starts with 0x" + hexStart(head) + ", not 'RIFF'");
        }
        if (head.length < 12) {
            return "header truncated: " + head.length + " bytes, a WAV header needs at least 44";
        }
        String form = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (!form.equals("WAVE")) {
            return "RIFF file of form '" + form + "', not 'WAVE'";
        }
        Integer formatTag = null;
        boolean dataFound = false;
        for (long chunk = 12; chunk + 8 <= head.length && !dataFound; chunk += 8 + evenSize(head, (int) chunk)) {
            String id = new String(head, (int) chunk, 4, StandardCharsets.ISO_8859_1);
            if (id.equals("fmt ") && chunk + 8 + MIN_FMT_BODY <= head.length) {
                formatTag = le16(head, (int) chunk + 8);
            }
            dataFound = id.equals("data");
        }
        if (formatTag == null) {
            return "header truncated: no complete 'fmt ' chunk in the first " + head.length + " bytes";
        }
        if (WAV_TAGS.containsKey(formatTag)) {
            return "WAV encoding " + WAV_TAGS.get(formatTag)
                    + String.format(" (format tag 0x%04X) is compressed; ", formatTag) + CONVERT;
        }
        if (!dataFound) {
            return "header truncated: no 'data' chunk in the first " + head.length + " bytes";
        }
        return String.format("malformed or unsupported WAV format (format tag 0x%04X); ", formatTag) + CONVERT;
    }

    private static long evenSize(byte[] bytes, int chunk) {
        long size = le16(bytes, chunk + 4) | ((long) le16(bytes, chunk + 6) << 16);
        return size + (size & 1);
    }

    private static int le16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hexStart(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length));
    }
}
