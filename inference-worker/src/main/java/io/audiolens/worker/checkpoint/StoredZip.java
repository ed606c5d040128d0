package io.audiolens.worker.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entries of a zip whose members are all stored uncompressed, as {@code torch.save} writes them, each
 * with the byte range of its data in the file. Read from the central directory: torch writes data
 * descriptors, so its local headers carry no sizes, and pads their extra field to align the data.
 * java.util.zip does not tell where an entry's data starts, which is what lets a tensor be memory-mapped.
 */
final class StoredZip {
    record Entry(String name, long dataOffset, long size) {}

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_BYTES = 22;
    private static final int CENTRAL_BYTES = 46;
    private static final int LOCAL_BYTES = 30;
    private static final long SATURATED = 0xFFFFFFFFL;

    private final Path file;
    private final Map<String, Entry> entries;

    private StoredZip(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static StoredZip open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer end = endRecord(file, channel);
            int count = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
            if (count == 0xFFFF || directorySize == SATURATED || directoryOffset == SATURATED) {
                throw new CheckpointException(file + " is a zip64 archive (over 4 GiB or 65,535 entries), which "
                        + "AudioLens does not read as .pth; convert the weights to safetensors");
            }
            ByteBuffer directory = read(channel, directoryOffset, directorySize, file);
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Entry entry = centralEntry(file, channel, directory, directoryOffset);
                entries.put(entry.name(), entry);
            }
            return new StoredZip(file, entries);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The entry of that name, or null. */
    Entry entry(String name) {
        return entries.get(name);
    }

    Iterable<String> names() {
        return entries.keySet();
    }

    /** The whole data of a small entry (the pickle, the byte order), on the heap. */
    byte[] bytes(Entry entry) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel, entry.dataOffset(), entry.size(), file).array();
        } catch (IOException e) {
            throw new CheckpointException("cannot read entry " + entry.name() + " of " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** The end-of-central-directory record: the last 22 bytes, unless the archive has a comment after it. */
    private static ByteBuffer endRecord(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        long tail = Math.min(size, END_BYTES + 0xFFFF);
        ByteBuffer bytes = read(channel, size - tail, tail, file);
        for (int at = (int) tail - END_BYTES; at >= 0; at--) {
            if (bytes.getInt(at) == END_SIGNATURE) {
                return bytes.slice(at, END_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        boolean startsAsZip = size >= 4 && read(channel, 0, 4, file).getInt(0) == LOCAL_SIGNATURE;
        throw new CheckpointException(startsAsZip
                ? file + " is truncated: it starts as a zip but its directory, written last, is missing (" + size
                        + " bytes); download it again"
                : file + " is not a torch.save zip (saved by torch before 1.6, with _use_new_zipfile_serialization="
                        + "False, or not a checkpoint at all); re-save it with a current torch.save or convert it to "
                        + "safetensors");
    }

    /** Reads one central-directory record at the buffer's position and resolves where its data starts. */
    private static Entry centralEntry(Path file, FileChannel channel, ByteBuffer directory, long directoryOffset)
            throws IOException {
        int at = directory.position();
        if (directory.remaining() < CENTRAL_BYTES || directory.getInt(at) != CENTRAL_SIGNATURE) {
            throw new CheckpointException(file + " has a damaged zip directory at byte " + (directoryOffset + at)
                    + "; download it again");
        }
        int flags = Short.toUnsignedInt(directory.getShort(at + 8));
        int method = Short.toUnsignedInt(directory.getShort(at + 10));
        long size = Integer.toUnsignedLong(directory.getInt(at + 20));
        int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
        int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
        int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
        long localOffset = Integer.toUnsignedLong(directory.getInt(at + 42));
        byte[] nameBytes = new byte[nameLength];
        directory.position(at + CENTRAL_BYTES).get(nameBytes);
        directory.position(at + CENTRAL_BYTES + nameLength + extraLength + commentLength);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        if (method != 0 || (flags & 1) != 0) {
            String how = method != 0 ? "compressed (zip method " + method + ")" : "encrypted";
            throw new CheckpointException("entry " + name + " of " + file + " is " + how + "; torch.save stores every "
                    + "entry as is, so this file was repacked: use the file as its publisher ships it, or re-save it "
                    + "with torch.save");
        }
        ByteBuffer local = read(channel, localOffset, LOCAL_BYTES, file);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw new CheckpointException("entry " + name + " of " + file + " points at byte " + localOffset
                    + ", where no zip entry starts; the file is damaged, download it again");
        }
        long dataOffset = localOffset + LOCAL_BYTES + Short.toUnsignedInt(local.getShort(26))
                + Short.toUnsignedInt(local.getShort(28));
        if (dataOffset + size > directoryOffset) {
            throw new CheckpointException("entry " + name + " of " + file + " claims bytes [" + dataOffset + ", "
                    + (dataOffset + size) + "), past the zip directory at " + directoryOffset
                    + "; the file is damaged, download it again");
        }
        return new Entry(name, dataOffset, size);
    }

    private static ByteBuffer read(FileChannel channel, long position, long length, Path file) throws IOException {
        if (position < 0 || length > Integer.MAX_VALUE || position + length > channel.size()) {
            throw new CheckpointException(file + " is truncated or damaged: it has " + channel.size() + " bytes, but "
                    + "its zip structure needs bytes [" + position + ", " + (position + length)
                    + "); download it again");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CheckpointException(file + " ended while being read; is it being written?");
            }
        }
        return buffer.flip();
    }
}
