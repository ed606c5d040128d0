package io.audiolens.schemas.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Which settings are secrets, and client settings as they may be printed: a secret's value is shown as
 * {@value #REDACTED}. A key is secret when a Kafka client declares it a password ({@code sasl.jaas.config},
 * {@code ssl.key.password}, ...), when its name says so (password, secret, token, credential, jaas), when
 * it is a private key inline ({@code ssl.keystore.key}), or when it is an HTTP header sent to the registry
 * (an {@code Authorization} header is a credential whatever its name).
 */
public final class Secrets {

    public static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "credential", "jaas");
    private static final Set<String> INLINE_KEYS = Set.of("ssl.keystore.key");
    private static final String REGISTRY_HEADERS = "apicurio.registry.request.headers.";

    private Secrets() {
    }

    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains) || INLINE_KEYS.contains(lower)
                || lower.startsWith(REGISTRY_HEADERS) || isKafkaPassword(key);
    }

    /** {@code key=value, ...} sorted by key, every secret's value replaced by {@value #REDACTED}. */
    public static String describe(Map<String, ?> settings) {
        return new TreeMap<>(settings).entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? REDACTED : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static boolean isKafkaPassword(String key) {
        return isPassword(ProducerConfig.configDef(), key) || isPassword(ConsumerConfig.configDef(), key)
                || isPassword(AdminClientConfig.configDef(), key);
    }

    private static boolean isPassword(ConfigDef def, String key) {
        ConfigDef.ConfigKey declared = def.configKeys().get(key);
        return declared != null && declared.type == ConfigDef.Type.PASSWORD;
    }
}
