package io.audiolens.worker.model.qwen2audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.audiolens.worker.checkpoint.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderGoldenTest {
    @Test
    void prefixReuseMatchesHfResiduals() throws Exception {
        Path dir = Path.of("src/test/resources/qwen2audio-tiny-a");
        try (Qwen2AudioModel model = Qwen2AudioModel.load(Checkpoint.open(dir), Device.cpu(), DataType.FLOAT32);
                NDManager m = model.newCallManager()) {
            NDList ref = NDList.decode(m, Files.readAllBytes(dir.resolve("reference.npz")));
            for (NDArray a : ref) System.out.println(a.getName() + " " + a.getShape());
            NDArray embeds = ref.get("inputs_embeds");
            NDArray residuals = ref.get("residuals");
            long t = embeds.getShape().get(0);
            PrefixCache prefix = model.decoder().prefill(embeds.get(":{}", t - 1));
            LastTokenStates states = model.decoder().extend(prefix, embeds.get(t - 1), new int[0], false, List.of());
            for (int l = 1; l <= 8; l++) {
                NDArray expected = residuals.get(l - 1).get(t - 1);
                double err = states.plain(l).sub(expected).abs().max().getFloat() / expected.abs().max().getFloat();
                double errPen = prefix.penultimate(l).sub(residuals.get(l - 1).get(t - 2)).abs().max().getFloat();
                System.out.println("layer " + l + " rel " + err + " pen " + errPen);
                assertTrue(err < 1e-4);
            }
        }
    }
}
