package io.audiolens.embedded.junit;

import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects an {@link EmbeddedPlatform} (broker and registry, with every AudioLens topic created) into
 * test constructors, lifecycle methods and tests: {@code @ExtendWith(EmbeddedPlatformExtension.class)}.
 *
 * <p>One platform serves every test class of the JVM: starting it costs seconds, so tests share it and
 * keep apart by using their own topics, group ids and keys. JUnit closes it when the run ends. Its run
 * folder is under {@value #BASE_FOLDER_PROPERTY} (default {@code target/embedded-platform}).
 */
public final class EmbeddedPlatformExtension implements ParameterResolver {

    public static final String BASE_FOLDER_PROPERTY = "audiolens.platform.dir";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedPlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedPlatform.class, type -> startWithTopics(), EmbeddedPlatform.class);
    }

    private static EmbeddedPlatform startWithTopics() {
        EmbeddedPlatform platform = EmbeddedPlatform.start(newRunFolder());
        try {
            platform.createTopics(Topics.specs());
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private static Path newRunFolder() {
        Path base = Path.of(System.getProperty(BASE_FOLDER_PROPERTY, "target/embedded-platform"));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + base.toAbsolutePath()
                    + "; set -D" + BASE_FOLDER_PROPERTY + " to a writable folder", e);
        }
    }
}
