package io.audiolens.report.text;

/** Text and attribute values inside SVG and HTML. */
public final class Xml {

    private Xml() {}

    /** Escapes {@code & < > " '}: safe in element text and in single- or double-quoted attributes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
