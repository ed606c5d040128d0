package io.audiolens.report.figures;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** File-safe, unique names from model and attribute names ({@code Qwen/Qwen2-Audio} → {@code qwen-qwen2-audio}). */
public final class FileNames {
    private final Set<String> taken = new HashSet<>();

    /** {@code prefix-part-part}, lower-case ASCII letters, digits and dashes; a suffix -2, -3 if taken. */
    public String unique(String prefix, String... parts) {
        StringBuilder name = new StringBuilder(prefix);
        for (String part : parts) {
            name.append('-').append(slug(part));
        }
        String candidate = name.toString();
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
