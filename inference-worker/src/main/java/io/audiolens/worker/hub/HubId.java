package io.audiolens.worker.hub;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's name on the Hugging Face hub as users type it: {@code ORG/NAME}, optionally {@code @REVISION}
 * (a branch, a tag or a commit hash; {@code main} when absent).
 */
public record HubId(String org, String name, String revision) {
    public static final String DEFAULT_REVISION = "main";
    private static final Pattern ID = Pattern.compile("([A-Za-z0-9][\\w.-]*)/([A-Za-z0-9][\\w.-]*)(?:@([\\w./-]+))?");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public HubId {
        if (revision.isEmpty() || revision.startsWith("/") || ("/" + revision + "/").contains("/../")) {
            throw new IllegalArgumentException("revision '" + revision + "' of " + org + "/" + name
                    + " is not a branch, tag or commit hash");
        }
    }

    /** {@code ORG/NAME[@REVISION]}; empty when {@code text} is not written like a hub name. */
    public static Optional<HubId> parse(String text) {
        Matcher m = ID.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HubId(m.group(1), m.group(2), m.group(3) == null ? DEFAULT_REVISION : m.group(3)));
    }

    /** {@code ORG/NAME}, the repository without the revision. */
    public String repo() {
        return org + "/" + name;
    }

    /** Whether the revision is a full commit hash, which names a snapshot folder directly. */
    public boolean revisionIsCommit() {
        return isCommit(revision);
    }

    /** Whether {@code text} is a full commit hash (40 lower-case hex digits), as refs and snapshot folders hold them. */
    static boolean isCommit(String text) {
        return COMMIT.matcher(text).matches();
    }

    /** The repository's folder in the cache, as huggingface_hub names it: {@code models--ORG--NAME}. */
    public String cacheFolderName() {
        return "models--" + org + "--" + name;
    }

    /** What to run to put this revision into the cache. */
    String downloadCommand() {
        return "huggingface-cli download " + repo() + (revision.equals(DEFAULT_REVISION) ? "" : " --revision " + revision);
    }

    @Override
    public String toString() {
        return repo() + "@" + revision;
    }
}
