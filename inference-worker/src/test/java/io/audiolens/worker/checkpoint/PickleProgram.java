package io.audiolens.worker.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Pickle opcodes written by hand (protocol 2, as torch.save writes them; see Python's pickletools for
 * each opcode), to build pickles torch would never write: hostile ones, damaged ones, small state dicts.
 */
final class PickleProgram {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleProgram() {
        op(0x80).op(2);
    }

    PickleProgram global(String module, String name) {
        return op('c').text(module + "\n" + name + "\n");
    }

    /** Protocol 4's form: module and name pushed as strings, then STACK_GLOBAL. */
    PickleProgram stackGlobal(String module, String name) {
        return string(module).string(name).op(0x93);
    }

    /** Protocol 0's form: the global called on the arguments since MARK at once. */
    PickleProgram inst(String module, String name) {
        return op('i').text(module + "\n" + name + "\n");
    }

    PickleProgram string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return op('X').int32(utf8.length).bytes(utf8);
    }

    PickleProgram integer(long value) {
        return op('J').int32(Math.toIntExact(value));
    }

    PickleProgram integers(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return tuple();
    }

    PickleProgram mark() {
        return op('(');
    }

    PickleProgram tuple() {
        return op('t');
    }

    PickleProgram tuple1() {
        return op(0x85);
    }

    PickleProgram emptyTuple() {
        return op(')');
    }

    PickleProgram emptyDict() {
        return op('}');
    }

    PickleProgram setItem() {
        return op('s');
    }

    PickleProgram setItems() {
        return op('u');
    }

    PickleProgram reduce() {
        return op('R');
    }

    PickleProgram build() {
        return op('b');
    }

    PickleProgram newFalse() {
        return op(0x89);
    }

    /** {@code _rebuild_tensor_v2(storage reference, offset, shape, stride, False, OrderedDict())}, as torch does. */
    PickleProgram tensor(String storageClass, String key, long elements, long offset, long[] shape, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().string("storage").global("torch", storageClass).string(key).string("cpu").integer(elements).tuple();
        op('Q').integer(offset).integers(shape).integers(stride).newFalse();
        return global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
    }

    byte[] stop() {
        op('.');
        return out.toByteArray();
    }

    /** Raw bytes, for opcodes this builder has no method for. */
    PickleProgram bytes(byte... raw) {
        out.writeBytes(raw);
        return this;
    }

    PickleProgram op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleProgram int32(int value) {
        return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private PickleProgram text(String ascii) {
        return bytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
