package io.audiolens.app.options;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for {@code --out} options that refuse, as the command line is read (exit 2), a path the command
 * could not write, instead of failing after minutes of work. Nothing is created here: a folder that does not
 * exist yet is fine when its nearest existing ancestor is a folder this process may write to.
 */
public final class OutputPath {

    private OutputPath() {
    }

    /** An output folder: an existing writable folder, or one that can be created. */
    public static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path folder = path(value);
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new TypeConversionException(folder + " is a file, not a folder; name a folder to write into");
            }
            requireWritable(folder, folder);
            return folder;
        }
    }

    /** An output file: not a folder, in a folder that exists or can be created, writable. */
    public static final class File implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path file = path(value);
            if (Files.isDirectory(file)) {
                throw new TypeConversionException(file + " is a folder; name the file to write, e.g. "
                        + file.resolve("metrics.json"));
            }
            Path parent = file.toAbsolutePath().getParent();
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new TypeConversionException(file + " exists and is not writable; check its permissions");
            }
            requireWritable(parent, file);
            return file;
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a path: " + e.getMessage());
        }
    }

    /** {@code folder}, or its nearest existing ancestor, must be a folder this process may write to. */
    private static void requireWritable(Path folder, Path wanted) {
        Path existing = folder.toAbsolutePath().normalize();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new TypeConversionException(wanted + " cannot be created: " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new TypeConversionException(wanted + " cannot be written: " + existing + " is not writable by this"
                    + " user; check its permissions or choose another path");
        }
    }
}
