package io.audiolens.worker.model.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoder's stem convolution against PyTorch's own conv1d (kernel 3, padding 1). */
class WhisperStemConvolutionTest {

    @ParameterizedTest(name = "{0} frames, stride {1}")
    @CsvSource({"7, 1", "7, 2", "8, 2", "1, 2", "301, 2"})
    void shouldEqualPyTorchsConvolution(int frames, int stride) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            m.getEngine().setRandomSeed(frames * 10 + stride);
            NDArray x = m.randomNormal(0, 1, new Shape(frames, 5), DataType.FLOAT32);        // (T, C)
            NDArray weight = m.randomNormal(0, 1, new Shape(6, 5, 3), DataType.FLOAT32);     // (O, C, 3)
            NDArray bias = m.randomNormal(0, 1, new Shape(6), DataType.FLOAT32);

            NDArray ours = WhisperEncoderBlocks.convolve(x, weight, bias, stride);                   // (T', O)
            NDArray torch = Conv1d.conv1d(x.transpose().expandDims(0), weight, bias, new Shape(stride), new Shape(1))
                    .head().squeeze(0).transpose();

            assertArrayEquals(torch.getShape().getShape(), ours.getShape().getShape());
            float diff = ours.sub(torch).abs().max().getFloat();
            assertTrue(diff < 1e-5f, "max abs difference " + diff);
        }
    }
}
