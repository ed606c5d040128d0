package io.audiolens.worker.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MelFilterBankTest {

    // expected weights: a float64 numpy transcription of HF audio_utils.mel_filter_bank (slaney scale and norm);
    // the golden WhisperLogMelTest checks the 128-bin bank against real HF output end to end

    @Test
    void shouldMatchHfSlaneyFiltersFor80Bins() {
        double[][] filters = MelFilterBank.slaney(201, 80, 0, 8000, 16_000);

        assertEquals(0.024862593984176087, filters[1][0], 1e-15);
        assertEquals(0.022871772096078023, filters[2][1], 1e-15);
        assertEquals(0.014735565741439168, filters[43][40], 1e-15);
        assertEquals(0.003164711739176461, filters[192][79], 1e-15);
        assertEquals(1.9990241029178577, sum(filters), 1e-12);
    }

    @Test
    void shouldMatchHfSlaneyFiltersFor128Bins() {
        double[][] filters = MelFilterBank.slaney(201, 128, 0, 8000, 16_000);

        assertEquals(0.012373986332636965, filters[1][0], 1e-15);
        assertEquals(0.0, filters[2][0]);
        assertEquals(0.01809151762107613, filters[43][64], 1e-15);
        assertEquals(0.005041601675024642, filters[195][127], 1e-15);
        assertEquals(3.1909855285406996, sum(filters), 1e-12);
    }

    @Test
    void shouldSwitchFromLinearToLogMelsAt1kHz() {
        assertEquals(15.0, MelFilterBank.hzToMel(1000), 1e-12);
        assertEquals(7.5, MelFilterBank.hzToMel(500), 1e-12);
        assertEquals(8000, MelFilterBank.melToHz(MelFilterBank.hzToMel(8000)), 1e-9);
    }

    private static double sum(double[][] filters) {
        double sum = 0;
        for (double[] row : filters) {
            for (double weight : row) {
                sum += weight;
            }
        }
        return sum;
    }
}
