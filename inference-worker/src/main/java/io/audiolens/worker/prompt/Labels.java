package io.audiolens.worker.prompt;

import java.util.List;

/** Picks a label from label probabilities: ties go to the earlier label, as argmax does. */
public final class Labels {
    private Labels() {}

    public static int argmax(float[] probs) {
        int best = 0;
        for (int i = 1; i < probs.length; i++) {
            if (probs[i] > probs[best]) {
                best = i;
            }
        }
        return best;
    }

    public static String predicted(List<String> labels, float[] probs) {
        return labels.get(argmax(probs));
    }
}
