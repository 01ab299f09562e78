package org.instantfeedback.ingest.http;

/**
 * Escapes text for HTML pages and for TwiML (XML) alike: the five characters that can end an
 * element or attribute become references both languages read (the apostrophe as {@code &#39;},
 * since HTML 4 has no {@code &apos;}).
 */
final class MarkupEscaping {
    private MarkupEscaping() {
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
