package io.audiolens.worker.checkpoint;

import static io.audiolens.worker.checkpoint.StateDictGlobals.typeName;

import io.audiolens.worker.checkpoint.StateDictGlobals.PickledTensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the pickle of a {@code torch.save} state dict ({@code data.pkl}) into tensor descriptions, and
 * nothing else. A pickle is a program: its GLOBAL opcodes name any Python callable and REDUCE calls it.
 * Here every global is resolved against {@link StateDictGlobals}, never against razorvine's shared registry,
 * and any other is refused at the opcode that names it, before the next opcode is read; so no REDUCE can
 * reach it.
 */
final class StateDictUnpickler extends Unpickler {
    private static final String CODE_FIX = "a model file that imports code is not loaded: get the weights as "
            + "safetensors, or as a plain torch.save(model.state_dict()) from a source you trust";

    private final Path pth;

    private StateDictUnpickler(Path pth) {
        this.pth = pth;
    }

    /** The state dict in {@code pickle} (the {@code data.pkl} of {@code pth}), in its own order. */
    static Map<String, PickledTensor> read(byte[] pickle, Path pth) {
        Object root;
        try {
            root = new StateDictUnpickler(pth).load(new ByteArrayInputStream(pickle));
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("the pickle (data.pkl) of " + pth + " is not a PyTorch state dict: "
                    + e.getMessage() + "; the file is damaged or was not written by torch.save(state_dict)", e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new CheckpointException(pth + " holds a " + typeName(root) + ", not a state dict; save the weights "
                    + "with torch.save(model.state_dict(), path)");
        }
        Map<String, PickledTensor> tensors = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (!(name instanceof String key) || !(value instanceof PickledTensor tensor)) {
                throw new CheckpointException(pth + " maps " + name + " to a " + typeName(value) + ", not a tensor; "
                        + "a state dict maps parameter names to tensors");
            }
            tensors.put(key, tensor);
        });
        return tensors;
    }

    @Override
    protected Object dispatch(short opcode) throws IOException {
        switch (opcode) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                stack.add(allowed(module, PickleUtils.readline(input)));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                stack.add(allowed(String.valueOf(stack.pop()), String.valueOf(name)));
            }
            case Opcodes.INST -> {
                String module = PickleUtils.readline(input);
                String global = module + "." + PickleUtils.readline(input);
                throw refused(global, "through INST, an opcode torch.save never writes", CODE_FIX);
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.SETITEMS -> setItemsInOrder();
            case Opcodes.BUILD -> dropDictState();
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> {
                requireLengthFits(4);
                return super.dispatch(opcode);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
                requireLengthFits(8);
                return super.dispatch(opcode);
            }
            default -> {
                return super.dispatch(opcode);
            }
        }
        return NO_RETURN_VALUE;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        return StateDictGlobals.storageReference(pid);
    }

    private IObjectConstructor allowed(String module, String name) {
        IObjectConstructor constructor = StateDictGlobals.get(module + "." + name);
        if (constructor == null && module.equals("torch") && name.endsWith("Storage")) {
            throw refused(module + "." + name, "a storage type whose values AudioLens does not read",
                    "convert the weights to float32, float16 or bfloat16");
        }
        if (constructor == null) {
            throw refused(module + "." + name, "which a PyTorch state dict never needs", CODE_FIX);
        }
        return constructor;
    }

    private CheckpointException refused(String global, String why, String fix) {
        return new CheckpointException(pth + " refused: its pickle (data.pkl) names the Python global " + global
                + ", " + why + " (allowed: " + StateDictGlobals.names() + "); nothing of the file was run; " + fix);
    }

    /** SETITEMS with the dict's order kept (razorvine's own collects the pairs in a HashMap first). */
    private void setItemsInOrder() {
        List<Object> items = stack.pop_all_since_marker();
        if (!(stack.peek() instanceof Map<?, ?>)) {
            throw new PickleException("SETITEMS on a " + typeName(stack.peek()));
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
        for (int i = 0; i + 1 < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    /**
     * BUILD on a dict: a state dict's OrderedDict carries {@code _metadata} (module versions), which loading
     * weights does not need. razorvine's own BUILD calls {@code __setstate__} by reflection on whatever is
     * on the stack; nothing here needs that.
     */
    private void dropDictState() {
        Object state = stack.pop();
        if (!(stack.peek() instanceof Map<?, ?>) || !(state instanceof Map<?, ?>)) {
            throw new PickleException("BUILD of a " + typeName(stack.peek()) + " from a " + typeName(state));
        }
    }

    /** Refuses a length-prefixed value longer than what is left of the pickle, before anything allocates it. */
    private void requireLengthFits(int lengthBytes) throws IOException {
        input.mark(lengthBytes);
        byte[] raw = input.readNBytes(lengthBytes);
        input.reset();
        ByteBuffer little = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long length = raw.length < lengthBytes ? -1
                : lengthBytes == 4 ? Integer.toUnsignedLong(little.getInt()) : little.getLong();
        if (length < 0 || length > input.available() - lengthBytes) {
            throw new PickleException("a value of " + length + " bytes runs past the end of data.pkl");
        }
    }
}
