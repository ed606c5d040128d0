package io.audiolens.schemas.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A Java properties file of client settings, as Kafka's own tools take them ({@code --command-config}).
 * Read as UTF-8; a file that is missing, a folder, unreadable or malformed is refused naming the option
 * and the file (an {@link IllegalArgumentException}: the command exits 2). Values are never quoted in
 * messages: the file holds secrets.
 */
public final class SettingsFile {

    private SettingsFile() {
    }

    /** The file's settings, sorted by key; {@code option} names the command-line option in messages. */
    public static Map<String, String> read(Path file, String option) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + absolute + " is a folder; give a properties file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + absolute + ": no such file; give a Java properties"
                    + " file (key=value lines)");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + absolute + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions and that it is UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + absolute + " is not a valid properties file: a malformed"
                    + " \\uXXXX escape; write the character itself or a complete escape");
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }
}
