package io.audiolens.schemas.attributes;

import java.util.List;
import java.util.Map;

/**
 * An auditory attribute of the SAKURA benchmark: its label set (in the paper's order, which is also the
 * order P3 lists the options in), the question asked in P2/P3 and the assistant prefix ending in "is".
 */
public record Attribute(String name, List<String> labels, String question, String assistantPrefix) {

    public static final Attribute GENDER = new Attribute("gender", List.of("male", "female"),
            "What is the gender of the speaker in the speech?", "The speaker's gender is");
    public static final Attribute LANGUAGE = new Attribute("language",
            List.of("English", "German", "Spanish", "French", "Italian", "Chinese", "Japanese", "Korean"),
            "What is the language spoken in the speech?", "The speech's spoken language is");
    public static final Attribute EMOTION = new Attribute("emotion", List.of("angry", "disgust", "fear", "happy", "sad"),
            "What is the emotion of the speaker in the speech?", "The speaker's emotion is");
    public static final Attribute ANIMAL = new Attribute("animal",
            List.of("dog", "cat", "pig", "cow", "frog", "hen", "rooster", "sheep", "crow"),
            "What animal makes the sound?", "The sound file's animal is");

    private static final Map<String, Attribute> KNOWN = Map.of(
            "gender", GENDER, "language", LANGUAGE, "emotion", EMOTION, "animal", ANIMAL);

    public Attribute {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("attribute '" + name + "' needs at least two labels, has " + labels);
        }
    }

    /** The paper's attribute by name (case-insensitive), e.g. "animal". */
    public static Attribute named(String name) {
        Attribute found = KNOWN.get(name.toLowerCase(java.util.Locale.ROOT));
        if (found == null) {
            throw new IllegalArgumentException("unknown attribute '" + name + "'; known attributes are "
                    + List.of("gender", "language", "emotion", "animal"));
        }
        return found;
    }

    public static List<Attribute> all() {
        return List.of(GENDER, LANGUAGE, EMOTION, ANIMAL);
    }

    /** The label's index, or an error naming the label set. */
    public int indexOf(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + name + "'s labels " + labels);
        }
        return index;
    }

    public double chance() {
        return 1.0 / labels.size();
    }
}
