package io.audiolens.worker.model.qwenaudio;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.model.api.TextTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Qwen's tiktoken tokenizer ({@code QWenTokenizer} with every special token allowed): NFC, then the text
 * is cut at special tokens, which map to their ids, and every piece between them is encoded by byte-pair
 * merges over {@code qwen.tiktoken}'s ranks with Qwen's pre-tokenizer pattern. The merges are jtokkit's;
 * the special tokens are handled here, since jtokkit accepts only the {@code <|…|>} form and Qwen-Audio
 * has {@code <audio>} and {@code [[[AUDIO:modality]]]}.
 */
final class QwenTokenizer implements TextTokenizer {
    /** Qwen's {@code PAT_STR}; {@code \s}, {@code \p{L}} and {@code (?i)} are Unicode-aware, as in tiktoken. */
    static final Pattern PATTERN = Pattern.compile("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Path source;
    private final Encoding encoding;
    private final Map<Integer, byte[]> ranks;          // id -> bytes, for decoding
    private final Map<String, Integer> specials;      // text -> id
    private final Map<Integer, String> specialText;   // id -> text
    private final int longestSpecial;

    private QwenTokenizer(Path source, Map<byte[], Integer> mergeable) {
        this.source = source;
        this.encoding = Encodings.newLazyEncodingRegistry()
                .registerGptBytePairEncoding(new GptBytePairEncodingParams("qwen", PATTERN, mergeable, Map.of()))
                .getEncoding("qwen").orElseThrow();
        this.ranks = new HashMap<>();
        mergeable.forEach((bytes, rank) -> ranks.put(rank, bytes));
        this.specials = new LinkedHashMap<>();
        this.specialText = new HashMap<>();
        List<String> tokens = QwenSpecialTokens.inIdOrder();
        for (int i = 0; i < tokens.size(); i++) {
            specials.put(tokens.get(i), mergeable.size() + i);
            specialText.put(mergeable.size() + i, tokens.get(i));
        }
        this.longestSpecial = tokens.stream().mapToInt(String::length).max().orElseThrow();
    }

    /** Reads {@code qwen.tiktoken}: one rank per line, base64 of the token's bytes, a space, the rank. */
    static QwenTokenizer load(Path tiktoken) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tiktoken, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + tiktoken + ": " + e.getMessage(), e);
        }
        Map<byte[], Integer> mergeable = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            try {
                int rank = Integer.parseInt(parts[1]);
                if (parts.length != 2 || rank != mergeable.size()) {
                    throw new IllegalArgumentException("rank " + rank + " where rank " + mergeable.size() + " was due");
                }
                mergeable.put(Base64.getDecoder().decode(parts[0]), rank);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new CheckpointException(tiktoken + " line " + (n + 1) + " is not '<base64 token> <rank>' with "
                        + "ranks counting up from 0 (" + e.getMessage() + "); is this the model's qwen.tiktoken?", e);
            }
        }
        if (mergeable.size() < 256) {
            throw new CheckpointException(tiktoken + " holds " + mergeable.size() + " ranks; a byte-level BPE has at "
                    + "least the 256 single bytes");
        }
        return new QwenTokenizer(tiktoken, mergeable);
    }

    /** Ids of the mergeable ranks and the special tokens together. */
    int vocabularySize() {
        return ranks.size() + specials.size();
    }

    /** The id of special token {@code text}, such as {@code <audio>}. */
    int specialId(String text) {
        Integer id = specials.get(text);
        if (id == null) {
            throw new IllegalArgumentException("'" + text + "' is not a special token of Qwen-Audio's tokenizer");
        }
        return id;
    }

    @Override
    public long[] encode(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        IntArrayList ids = new IntArrayList();
        int from = 0;
        for (int at = 0; at < nfc.length(); at++) {
            String special = specialAt(nfc, at);
            if (special != null) {
                encodeOrdinary(nfc.substring(from, at), ids);
                ids.add(specials.get(special));
                at += special.length() - 1;
                from = at + 1;
            }
        }
        encodeOrdinary(nfc.substring(from), ids);
        return Arrays.stream(ids.toArray()).asLongStream().toArray();
    }

    @Override
    public String decode(long id) {
        String special = specialText.get((int) id);
        if (special != null) {
            return special;
        }
        byte[] bytes = ranks.get((int) id);
        if (bytes == null) {
            throw new IllegalArgumentException("id " + id + " is not in the vocabulary of " + source);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String source() {
        return source.toString();
    }

    private void encodeOrdinary(String text, IntArrayList into) {
        if (!text.isEmpty()) {
            IntArrayList ids = encoding.encodeOrdinary(text);
            for (int i = 0; i < ids.size(); i++) {
                into.add(ids.get(i));
            }
        }
    }

    /** The special token that starts at {@code at}, or null. No special token is a prefix of another. */
    private String specialAt(String text, int at) {
        char first = text.charAt(at);
        if (first != '<' && first != '[') {
            return null;
        }
        int last = Math.min(text.length(), at + longestSpecial);
        for (int end = at + 1; end < last; end++) {
            char c = text.charAt(end);
            if ((c == '>' || c == ']') && specials.containsKey(text.substring(at, end + 1))) {
                return text.substring(at, end + 1);
            }
        }
        return null;
    }
}
