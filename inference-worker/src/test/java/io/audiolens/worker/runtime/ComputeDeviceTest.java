package io.audiolens.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** {@code --device} and {@code --dtype} on this machine, which has no GPU: the CPU when asked, never instead of a GPU. */
class ComputeDeviceTest {

    @Test
    void shouldRunOnTheCpuInFloat32UnlessAskedForFloat16() {
        assertEquals(new ComputeDevice(Device.cpu(), DataType.FLOAT32), ComputeDevice.choose("cpu", "auto"));
        assertEquals(new ComputeDevice(Device.cpu(), DataType.FLOAT32), ComputeDevice.choose("auto", "auto"));
        assertEquals(new ComputeDevice(Device.cpu(), DataType.FLOAT16), ComputeDevice.choose("CPU", "fp16"));
        assertEquals(DataType.FLOAT16, Precision.AUTO.on(true));
        assertEquals(DataType.FLOAT32, Precision.FP32.on(true));
    }

    @Test
    void shouldRefuseAGpuThatIsNotThereSayingWhatDjlSees() {
        for (String gpu : new String[] {"gpu", "gpu:1"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.choose(gpu, "fp32")).getMessage();
            assertTrue(message.startsWith("--device " + gpu + ": there is no gpu(" + (gpu.equals("gpu") ? 0 : 1) + ")"), message);
            assertTrue(message.contains("libtorch") && message.contains("(cpu) from ") && message.contains("0 GPUs usable"),
                    message);
            assertTrue(message.contains("audiolens doctor") && message.contains("--device cpu"), message);
        }
    }

    @Test
    void shouldRefuseBf16AndUnknownChoicesNamingTheOptions() {
        String bf16 = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.choose("cpu", "bf16")).getMessage();
        assertTrue(bf16.contains("aborts the JVM on bfloat16") && bf16.contains("--dtype fp16"), bf16);
        String dtype = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.choose("cpu", "fp8")).getMessage();
        assertTrue(dtype.contains("unknown --dtype 'fp8'") && dtype.contains("fp32"), dtype);
        String device = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.choose("tpu", "auto")).getMessage();
        assertTrue(device.contains("unknown --device 'tpu'") && device.contains("gpu:N"), device);
    }
}
