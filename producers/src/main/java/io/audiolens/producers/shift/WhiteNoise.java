package io.audiolens.producers.shift;

import java.util.Random;

/** Adds Gaussian white noise {@code snrDb} below the clip's mean power, seeded by the sample id. */
record WhiteNoise(double snrDb) implements AudioShift {

    WhiteNoise {
        if (!(snrDb >= -20 && snrDb <= 60)) {
            throw new IllegalArgumentException("--shift noise:" + snrDb + " is outside −20 to 60 dB; e.g. noise:10");
        }
    }

    @Override
    public short[] apply(short[] pcm16, String sampleId) {
        double power = 0;
        for (short s : pcm16) {
            power += (double) s * s;
        }
        power /= Math.max(1, pcm16.length);
        double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
        Random random = new Random(sampleId.hashCode());
        short[] out = new short[pcm16.length];
        for (int i = 0; i < pcm16.length; i++) {
            long noisy = Math.round(pcm16[i] + sigma * random.nextGaussian());
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, noisy));
        }
        return out;
    }

    @Override
    public String toString() {
        return "noise:" + snrDb;
    }
}
