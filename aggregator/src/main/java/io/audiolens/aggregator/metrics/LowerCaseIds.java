package io.audiolens.aggregator.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.audiolens.schemas.AlertKind;
import io.audiolens.schemas.DriftSignal;
import io.audiolens.schemas.Split;
import io.audiolens.schemas.View;
import io.audiolens.schemas.WindowStatus;
import java.io.IOException;
import java.util.Locale;

/**
 * One vocabulary for every document we write: views, splits, drift signals, window states and alert
 * kinds as the lower-case ids the paper and the CLI use ({@code last}, {@code last_audio_masked},
 * {@code answer_mix}), as in the topics' keys, {@code projections.jsonl} and the Prometheus labels.
 * Prompt formats stay {@code P1}..{@code P3}. Avro keeps its upper-case enum symbols on the wire (renaming
 * them would break readers of existing topics); readers of our JSON accept either case.
 */
public final class LowerCaseIds {

    private LowerCaseIds() {
    }

    /** The Jackson module that writes these enums, as values and as map keys, in lower case, and reads either case. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("audiolens-lower-case-ids");
        register(module, View.class);
        register(module, Split.class);
        register(module, DriftSignal.class);
        register(module, WindowStatus.class);
        register(module, AlertKind.class);
        return module;
    }

    /** {@code LAST_AUDIO_MASKED} → {@code last_audio_masked}. */
    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> void register(SimpleModule module, Class<E> type) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(id(value));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeFieldName(id(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return parse(type, in.getValueAsString());
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return parse(type, key);
            }
        });
    }

    /** {@code last} or {@code LAST} → {@code View.LAST}; anything else names the ids it could have been. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName() + ", expected one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(LowerCaseIds::id).toList());
    }
}
