package nl.helpline.warehouse.extract;

import java.util.Locale;

/** Text clean-up shared by header matching, label matching and value parsing. */
final class Text {

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

    /**
     * Position of the first control character an export never holds in a value or a header: C0
     * controls other than TAB, CR and LF (NUL among them: PostgreSQL refuses it in text), DEL and
     * C1 controls. -1 when there is none.
     */
    static int controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** "U+0000": how a reason names a character without writing it. */
    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * A file name as a reason may print it: control characters (a newline in a name would forge a
     * line of a log or a reason file) written as {@code \n}, {@code \t} or {@code \\uXXXX}.
     */
    static String fileName(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? name : out.toString();
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
