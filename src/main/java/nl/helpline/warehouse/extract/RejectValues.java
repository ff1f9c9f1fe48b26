package nl.helpline.warehouse.extract;

/**
 * The one rule for what a reject, a reason, a log line or a summary may quote from an export: a
 * value is shown only when its column is not personal data and not the request number, and the
 * value is a short token of its column's shape. Anything else is withheld, because a case worker
 * who types "Anders: moeder Jansen (06-…) belt over zoon Piet, 15" into a coded column has put
 * personal data where the contract promised none, and that text must not travel on into
 * {@code etl.reject}, standard output or the summary JSON.
 *
 * <p>Shapes, per kind of column:
 * <ul>
 * <li><b>coded</b> (Status, Eerste contact, …): letters, spaces and {@code - ? ( ) / '}; at most
 * {@value #MAX_CODED} characters and {@value #MAX_CODED_WORDS} words; no digits at all (no code
 * list has any, and a phone number or age is digits); at most one word written like a name
 * (capital then lower case: "Jan de Vries" has two). A single first name still passes; a shape
 * rule cannot tell "Piet" from "Chat".</li>
 * <li><b>date</b> columns: a date of one to four digits per part and {@code - / .} between the parts
 * (at most {@value #MAX_DATE_DIGITS} digits, only one part longer than two), optionally a time after
 * {@code T} or spaces; at most {@value #MAX_DATE} characters. "32-13-2024" is shown, "06-1234-5678"
 * is not.</li>
 * <li>the <b>number</b> column: digits, {@code . , - + e E}; at most {@value #MAX_NUMBER} characters
 * and {@value #MAX_NUMBER_DIGITS} digits (a phone number has ten).</li>
 * <li>date and number columns also show a single lower-case word of at most
 * {@value #MAX_WORD} letters ("gisteren", "veel"): a lower-case word names no one, and it tells
 * the operator what the exporter wrote.</li>
 * <li><b>header names</b> (an unknown header may be a pasted sentence): the coded shape, with
 * digits (at most {@value #MAX_HEADER_DIGITS}) and {@code _ . : # &} allowed and up to
 * {@value #MAX_HEADER_WORDS} words.</li>
 * </ul>
 * No e-mail address ({@code @}), no control character, no line break passes any shape.
 */
final class RejectValues {

    /** What a reason says instead of a value that is not shown. */
    static final String WITHHELD = "value withheld (looks like free text)";

    static final int MAX_CODED = 40;
    static final int MAX_CODED_WORDS = 4;
    static final int MAX_DATE = 25;
    static final int MAX_DATE_DIGITS = 8;
    static final int MAX_NUMBER = 12;
    static final int MAX_NUMBER_DIGITS = 6;
    static final int MAX_WORD = 15;
    static final int MAX_HEADER = 40;
    static final int MAX_HEADER_WORDS = 5;
    static final int MAX_HEADER_DIGITS = 2;

    private RejectValues() {
    }

    /** The value as a reject may carry it: the trimmed value when it may be shown, else null. */
    static String shown(ExportColumn column, String value) {
        if (value == null || !column.quotable()) {
            return null;
        }
        String v = Text.trim(value);
        boolean fits = switch (column) {
            case LAST_MODIFIED, RECEIVED, CLOSED -> isDate(v) || isLowerCaseWord(v);
            case CONVERSATIONS -> isNumber(v) || isLowerCaseWord(v);
            default -> isCodedLabel(v);
        };
        return fits ? v : null;
    }

    /** The value as a reason sentence may show it: the value itself, or {@link #WITHHELD}. */
    static String describe(ExportColumn column, String value) {
        String shown = shown(column, value);
        return shown == null ? WITHHELD : shown;
    }

    /** A header name as reasons and {@link ReadResult#ignoredColumns()} may show it, or null. */
    static String headerName(String name) {
        if (name == null) {
            return null;
        }
        String n = Text.trim(name);
        return isHeaderName(n) ? n : null;
    }

    /** A header name for a sentence: the name, or what stands for it when it is withheld. */
    static String describeHeader(String name, int position) {
        String shown = headerName(name);
        return shown != null ? shown : "column " + (position + 1) + " (name withheld: looks like free text)";
    }

    static boolean isCodedLabel(String v) {
        return words(v, MAX_CODED, MAX_CODED_WORDS, 0, "-?()/'");
    }

    static boolean isHeaderName(String v) {
        return words(v, MAX_HEADER, MAX_HEADER_WORDS, MAX_HEADER_DIGITS, "-?()/'_.:#&");
    }

    /**
     * Letters, single spaces between words and the given punctuation; digits up to a total;
     * at most one word capitalised like a name (an all-capitals acronym such as GGZ is not).
     */
    private static boolean words(String v, int maxLength, int maxWords, int maxDigits, String punctuation) {
        if (v.isEmpty() || v.length() > maxLength) {
            return false;
        }
        int words = 0;
        int digits = 0;
        int nameLike = 0;
        boolean inWord = false;
        boolean capitalStart = false;
        boolean hasLower = false;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : ' ';
            if (c == ' ') {
                if (inWord && capitalStart && hasLower) {
                    nameLike++;
                }
                inWord = false;
                continue;
            }
            if (!inWord) {
                inWord = true;
                words++;
                capitalStart = Character.isUpperCase(c);
                hasLower = false;
            } else if (Character.isLowerCase(c)) {
                hasLower = true;
            }
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!Character.isLetter(c) && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return words <= maxWords && digits <= maxDigits && nameLike <= 1;
    }

    /**
     * {@code D[-/.]D[-/.]D} with one to four digits a part, at most one part longer than two and at
     * most eight digits, then optionally {@code T} or spaces and {@code H[:M[:S]][.fraction]}.
     */
    static boolean isDate(String v) {
        if (v.isEmpty() || v.length() > MAX_DATE) {
            return false;
        }
        int[] pos = {0};
        int digits = 0;
        int longParts = 0;
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (pos[0] >= v.length() || "-/.".indexOf(v.charAt(pos[0])) < 0) {
                    return false;
                }
                pos[0]++;
            }
            int n = digitRun(v, pos);
            if (n < 1 || n > 4) {
                return false;
            }
            digits += n;
            longParts += n > 2 ? 1 : 0;
        }
        if (digits > MAX_DATE_DIGITS || longParts > 1) {
            return false;
        }
        if (pos[0] == v.length()) {
            return true;
        }
        if (v.charAt(pos[0]) == 'T') {
            pos[0]++;
        } else if (v.charAt(pos[0]) == ' ') {
            while (pos[0] < v.length() && v.charAt(pos[0]) == ' ') {
                pos[0]++;
            }
        } else {
            return false;
        }
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (pos[0] == v.length() || v.charAt(pos[0]) == '.') {
                    break;
                }
                if (v.charAt(pos[0]) != ':') {
                    return false;
                }
                pos[0]++;
            }
            int n = digitRun(v, pos);
            if (n < 1 || n > 2) {
                return false;
            }
        }
        if (pos[0] < v.length() && v.charAt(pos[0]) == '.') {
            pos[0]++;
            int n = digitRun(v, pos);
            if (n < 1 || n > 9) {
                return false;
            }
        }
        return pos[0] == v.length();
    }

    static boolean isNumber(String v) {
        if (v.isEmpty() || v.length() > MAX_NUMBER) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (".,-+eE".indexOf(c) < 0) {
                return false;
            }
        }
        return digits <= MAX_NUMBER_DIGITS;
    }

    static boolean isLowerCaseWord(String v) {
        if (v.isEmpty() || v.length() > MAX_WORD) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Character.isLowerCase(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int digitRun(String v, int[] pos) {
        int start = pos[0];
        while (pos[0] < v.length() && v.charAt(pos[0]) >= '0' && v.charAt(pos[0]) <= '9') {
            pos[0]++;
        }
        return pos[0] - start;
    }
}
