package io.audiolens.worker.checkpoint;

import io.audiolens.worker.checkpoint.StateDictGlobals.PickledTensor;
import io.audiolens.worker.checkpoint.StateDictGlobals.StorageRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens one {@code torch.save(state_dict)} file, as DeSTA2 ships its connector ({@code qformer_connector.pth}):
 * a zip of {@code <root>/data.pkl} (the pickled dict, read by {@link StateDictUnpickler}, which refuses every
 * global a state dict does not need) and one raw little-endian storage per {@code <root>/data/<key>}. The
 * storages are stored uncompressed, so each tensor is a byte range of the file and is memory-mapped like a
 * safetensors tensor.
 */
public final class PthCheckpoint {
    private static final long MAX_PICKLE_BYTES = 256L << 20;

    private PthCheckpoint() {}

    /** The tensors of {@code pth}, checked against its pickle and its zip directory before any is read. */
    public static TensorSource open(Path pth) {
        if (!Files.isRegularFile(pth)) {
            throw new CheckpointException(pth + " does not exist; the model folder should hold the .pth its "
                    + "publisher ships");
        }
        StoredZip zip = StoredZip.open(pth);
        String root = root(zip);
        requireLittleEndian(zip, zip.entry(root + "/byteorder"));
        StoredZip.Entry pickle = zip.entry(root + "/data.pkl");
        if (pickle.size() > MAX_PICKLE_BYTES) {
            throw new CheckpointException(pth + " has a data.pkl of " + pickle.size() + " bytes; a state dict's is far "
                    + "smaller, so this is not a plain torch.save(state_dict)");
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        StateDictUnpickler.read(zip.bytes(pickle), pth).forEach((name, tensor) ->
                tensors.put(name, locate(zip, name, tensor, root + "/data/" + tensor.storage().key())));
        return new TensorIndex(tensors, pth + "; does config.json belong to this file?");
    }

    /** The archive's top folder, the one holding {@code data.pkl} (torch names it after the file). */
    private static String root(StoredZip zip) {
        for (String name : zip.names()) {
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                return name.substring(0, name.indexOf('/'));
            }
        }
        throw new CheckpointException(zip.file() + " is a zip without <folder>/data.pkl, so not a torch.save file; "
                + "pass the .pth its publisher ships");
    }

    /** torch 1.x wrote no byteorder entry and only little-endian; newer torch says which. */
    private static void requireLittleEndian(StoredZip zip, StoredZip.Entry byteorder) {
        String order = byteorder == null ? "little"
                : new String(zip.bytes(byteorder), StandardCharsets.US_ASCII).strip();
        if (!order.equals("little")) {
            throw new CheckpointException(zip.file() + " was saved on a " + order + "-endian machine; AudioLens "
                    + "reads little-endian storages: load and re-save it with torch.save on an x86 or ARM machine");
        }
    }

    /** The byte range of {@code tensor} in the file: its storage entry, moved by the storage offset. */
    private static TensorInfo locate(StoredZip zip, String name, PickledTensor tensor, String entryName) {
        StoredZip.Entry entry = zip.entry(entryName);
        StorageRef storage = tensor.storage();
        TensorInfo.StorageType type = storage.type();
        if (entry == null) {
            throw new CheckpointException(zip.file() + " has no storage entry " + entryName + " for tensor '" + name
                    + "'; the file is incomplete, download it again");
        }
        if (entry.size() != storage.elements() * type.bytes) {
            throw new CheckpointException("storage entry " + entryName + " of tensor '" + name + "' in " + zip.file()
                    + " holds " + entry.size() + " bytes, but the pickle says " + storage.elements() + " values of "
                    + type + "; the file is damaged, download it again");
        }
        long elements = Arrays.stream(tensor.shape()).reduce(1L, Math::multiplyExact);
        if (elements > 0) {
            requireContiguous(zip.file(), name, tensor);
        }
        if (tensor.storageOffset() < 0 || tensor.storageOffset() + elements > storage.elements()) {
            throw new CheckpointException("tensor '" + name + "' in " + zip.file() + " views values ["
                    + tensor.storageOffset() + ", " + (tensor.storageOffset() + elements) + ") of storage " + entryName
                    + ", which has " + storage.elements() + "; the file is damaged, download it again");
        }
        long begin = entry.dataOffset() + tensor.storageOffset() * type.bytes;
        return new TensorInfo(name, zip.file(), type, tensor.shape(), begin, begin + elements * type.bytes);
    }

    /** Row-major with no gaps, ignoring the stride of size-1 dimensions as torch's is_contiguous does. */
    private static void requireContiguous(Path pth, String name, PickledTensor tensor) {
        long[] shape = tensor.shape();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && tensor.stride()[d] != expected) {
                throw new CheckpointException("tensor '" + name + "' in " + pth + " has strides "
                        + Arrays.toString(tensor.stride()) + " for shape " + Arrays.toString(shape)
                        + ", not contiguous; save it as tensor.contiguous() in the state dict");
            }
            expected *= shape[d];
        }
    }
}
