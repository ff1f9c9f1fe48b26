package nl.helpline.warehouse.extract;

import java.util.Locale;

/** Text clean-up shared by header matching, label matching and value parsing. */
final class Text {

    /** Longest value a reject record quotes; anything longer is cut and marked. */
    static final int MAX_QUOTED = 100;

    private Text() {
    }

    /**
     * The key under which a header or label is matched: lower case, no surrounding white space,
     * inner white space runs collapsed to one space, Unicode dashes read as '-'. Exports typed or
     * pasted by hand carry non-breaking spaces and en dashes that look identical to an operator.
     */
    static String key(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isIgnorable(c)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(isDash(c) ? '-' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The value without surrounding white space (including non-breaking spaces and a BOM). */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (isSpace(s.charAt(start)) || isIgnorable(s.charAt(start)))) {
            start++;
        }
        while (end > start && (isSpace(s.charAt(end - 1)) || isIgnorable(s.charAt(end - 1)))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Null when the value is absent or white space only, else the trimmed value. */
    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = trim(s);
        return t.isEmpty() ? null : t;
    }

    /** A value as a reject record may quote it. */
    static String quote(String value) {
        if (value == null || value.length() <= MAX_QUOTED) {
            return value;
        }
        return value.substring(0, MAX_QUOTED - 1) + "…";
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u2007'
                || c == '\u202F' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A');
    }

    /** Invisible characters that only ever sneak in by accident: BOM / zero-width spaces. */
    private static boolean isIgnorable(char c) {
        return c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58' || c == '\uFE63'
                || c == '\uFF0D';
    }
}
