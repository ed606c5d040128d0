package io.audiolens.app.train;

import io.audiolens.worker.model.ModelFamilies;
import io.audiolens.worker.model.api.ModelFamily;
import io.audiolens.worker.model.api.training.TinyTraining;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The model families {@code train-tiny} can train: those that offer {@link TinyTraining}. Iterable as picocli's
 * completion candidates, which the help lists.
 */
final class TrainableFamilies implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ids().iterator();
    }

    /**
     * The training of the family {@code id}; one that is unknown or cannot train is refused as the command line
     * is read (exit 2), naming the families that can.
     */
    static TinyTraining named(String id) {
        ModelFamily family = ModelFamilies.find(id)
                .orElseThrow(() -> new TypeConversionException("unknown model family '" + id + "'" + canTrain()));
        return family.tinyTraining().orElseThrow(() -> new TypeConversionException("train-tiny cannot train a " + id
                + " model" + canTrain()));
    }

    private static List<String> ids() {
        return ModelFamilies.all().stream().filter(f -> f.tinyTraining().isPresent()).map(ModelFamily::id).toList();
    }

    private static String canTrain() {
        return "; the families it can train: " + String.join(", ", ids());
    }

    /** {@code --family}. */
    static final class Converter implements ITypeConverter<TinyTraining> {
        @Override
        public TinyTraining convert(String id) {
            return named(id);
        }
    }
}
