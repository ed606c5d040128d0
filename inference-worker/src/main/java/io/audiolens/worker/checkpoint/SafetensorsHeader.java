package io.audiolens.worker.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON header of one {@code .safetensors} file: an 8-byte little-endian length, then a JSON
 * object {@code name -> {dtype, shape, data_offsets}}; offsets count from the end of the header.
 */
final class SafetensorsHeader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER_BYTES = 100L << 20;

    private SafetensorsHeader() {}

    static Map<String, TensorInfo> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > channel.size()) {
                throw new CheckpointException(file + " is not a safetensors file (header length " + headerLength
                        + " does not fit a file of " + channel.size() + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8, file);
            JsonNode root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
            return parse(file, root, 8 + headerLength, channel.size());
        } catch (IOException e) {
            throw new CheckpointException("cannot read safetensors file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, TensorInfo> parse(Path file, JsonNode root, long dataStart, long fileSize) {
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode node = entry.getValue();
            TensorInfo.StorageType type = storageType(file, entry.getKey(), node.path("dtype").asText());
            long[] shape = new long[node.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = node.path("shape").get(i).asLong();
            }
            long begin = dataStart + node.path("data_offsets").get(0).asLong();
            long end = dataStart + node.path("data_offsets").get(1).asLong();
            TensorInfo info = new TensorInfo(entry.getKey(), file, type, shape, begin, end);
            if (end > fileSize || end - begin != info.elementCount() * type.bytes) {
                throw new CheckpointException("tensor '" + entry.getKey() + "' in " + file + " claims bytes ["
                        + begin + ", " + end + ") for shape " + info.shapeText() + " of " + type
                        + "; the file is truncated or corrupt (size " + fileSize + ")");
            }
            tensors.put(entry.getKey(), info);
        }
        return tensors;
    }

    private static TensorInfo.StorageType storageType(Path file, String name, String dtype) {
        return switch (dtype) {
            case "F32" -> TensorInfo.StorageType.F32;
            case "F16" -> TensorInfo.StorageType.F16;
            case "BF16" -> TensorInfo.StorageType.BF16;
            default -> throw new CheckpointException("tensor '" + name + "' in " + file + " has dtype " + dtype
                    + "; supported are F32, F16 and BF16 (convert the checkpoint, e.g. save it in bfloat16)");
        };
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new CheckpointException(file + " ends inside its safetensors header; the file is truncated");
            }
            at += n;
        }
    }
}
