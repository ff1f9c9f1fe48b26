package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a worksheet's XML ({@code <row><c r t s><v/><is/></c></row>}) as raw cells, so a sheet
 * of any size needs the memory of one row. Sparse rows and cells without a reference are
 * placed the way Excel places them.
 *
 * <p>Only cells in columns the receiver {@link Cells#wants(int) wants} get their text collected
 * (up to a bound; a longer text is reported as too long, not kept); for the others the parser
 * only notes whether they hold anything, so personal data is never turned into a string.
 *
 * <p>The sheet's structure is held to Excel's own rules, since the row number is how a reject
 * names a row and a column reference decides which column a value belongs to. A workbook that
 * breaks one of them was not written by an exporter and is rejected, naming the row and cell:
 * <ul>
 * <li>a row number ({@code <row r>}) is a whole number from 1 to 1,048,576, larger than the row
 * before it ({@code r="abc"}, {@code r="0"}, {@code r="-3"}, rows out of order: rejected);</li>
 * <li>a cell reference ({@code <c r>}) is column letters, at most XFD (16,384 columns), then
 * optionally the row's own number; letters in lower case are read as Excel reads them
 * ({@code a2} is A2); no letters ({@code r="1"}), a column beyond XFD ({@code ZZZZZZ1}), another
 * row's number or a column left of the previous cell: rejected;</li>
 * <li>a style ({@code <c s>}) is a whole number ({@code s="x"}, {@code s="-1"}: rejected); one
 * beyond the workbook's styles is the general style, as in Excel.</li>
 * </ul>
 */
final class SheetParser extends DefaultHandler {

    /** Excel's last row. */
    static final int MAX_ROW = 1_048_576;
    /** Excel's last column, XFD, as a count. */
    static final int MAX_COLUMNS = 16_384;

    /** How a cell stores its value (the {@code t} attribute). */
    enum Kind { NUMBER, SHARED_STRING, INLINE_STRING, FORMULA_STRING, BOOLEAN, ERROR, DATE }

    /** Receives one row's wanted cells, then the end of the row. */
    interface Cells {
        boolean wants(int column);

        /**
         * @param row     1-based, as Excel shows it
         * @param text    the cell's text: a number as written, a shared-string index, inline text, …;
         *                null when it is longer than the parser's bound
         * @param style   index into the workbook's cell styles (0 when none)
         * @param tooLong whether the text was longer than the parser's bound (and is not given)
         */
        void cell(int row, int column, Kind kind, String text, int style, boolean tooLong) throws SAXException;

        /**
         * @param row        1-based, as Excel shows it
         * @param hasContent whether any cell of the row, wanted or not, holds something other than white space
         */
        void endRow(int row, boolean hasContent) throws SAXException;
    }

    private final Cells cells;
    private final int maxText;
    private final StringBuilder text = new StringBuilder();

    /** The current row's number; 0 before the first row. */
    private int row;
    private boolean rowHasContent;
    private int nextColumn;
    private int column;
    private Kind kind;
    private int style;
    private boolean wanted;
    private boolean textTooLong;
    /** Inside {@code <v>} or an inline string's {@code <t>} (not a phonetic one). */
    private boolean inText;
    private boolean inPhonetic;

    private SheetParser(Cells cells, int maxText) {
        this.cells = cells;
        this.maxText = maxText;
    }

    /**
     * Parses the sheet, feeding every row to the receiver until the end or a {@link Sax.Stop}.
     *
     * @param maxText longest text of a wanted cell that is kept; a longer one is reported as too long
     * @param part    the sheet's part name, for reasons
     */
    static void parse(InputStream sheet, Cells cells, int maxText, String part) throws IOException, WorkbookException {
        Sax.parse(sheet, new SheetParser(cells, maxText), part);
    }

    /** "B5": how Excel names the cell at a 0-based column in a row. */
    static String reference(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row).toString();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (Sax.name(localName, qName)) {
            case "row" -> startRow(attributes.getValue("r"));
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? nextColumn : columnOf(r);
                if (column >= MAX_COLUMNS) {
                    throw new Sax.Reject("row " + row + " has more than " + MAX_COLUMNS
                            + " cells; Excel's last column is XFD");
                }
                if (column < nextColumn) {
                    throw new Sax.Reject("row " + row + ", cell " + reference(column, row) + " comes after cell "
                            + reference(nextColumn - 1, row) + "; the cells of a row are in column order");
                }
                kind = kind(attributes.getValue("t"));
                style = style(attributes.getValue("s"));
                wanted = cells.wants(column);
                text.setLength(0);
                textTooLong = false;
            }
            case "v" -> inText = true;
            case "t" -> inText = !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> {
                // <f>, <is>, <r> and the rest carry nothing of their own
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (Sax.name(localName, qName)) {
            case "v", "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> {
                if (wanted && (text.length() > 0 || textTooLong)) {
                    cells.cell(row, column, kind, textTooLong ? null : text.toString(), style, textTooLong);
                }
                nextColumn = column + 1;
                wanted = false;
                text.setLength(0);
            }
            case "row" -> cells.endRow(row, rowHasContent);
            default -> {
                // nothing to close
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inText) {
            return;
        }
        if (wanted && !textTooLong) {
            if (text.length() + length > maxText) {
                textTooLong = true;
                text.setLength(0);
            } else {
                text.append(ch, start, length);
            }
        }
        for (int i = start; i < start + length && !rowHasContent; i++) {
            rowHasContent = !Text.isSpace(ch[i]);
        }
    }

    private void startRow(String r) throws Sax.Reject {
        int number;
        if (r == null) {
            number = row + 1;
        } else {
            number = wholeNumber(r, 7);
            if (number < 1 || number > MAX_ROW) {
                throw new Sax.Reject(afterRow() + " has row number " + token(r)
                        + ", which is not a row number from 1 to " + MAX_ROW);
            }
        }
        if (number > MAX_ROW) {
            throw new Sax.Reject(afterRow() + " would be row " + number + "; Excel's last row is " + MAX_ROW);
        }
        if (number <= row) {
            throw new Sax.Reject("row " + number + " comes after row " + row + "; the rows of a sheet are in ascending order");
        }
        row = number;
        rowHasContent = false;
        nextColumn = 0;
    }

    /** A cell reference's column (0-based): "B5" or "b5" → 1; the row part, if any, must be this row. */
    private int columnOf(String reference) throws Sax.Reject {
        int letters = 0;
        int column = 0;
        while (letters < reference.length() && isAsciiLetter(reference.charAt(letters))) {
            if (letters == 3) {
                throw new Sax.Reject("row " + row + ", cell " + token(reference)
                        + " is beyond column XFD, the last column Excel has");
            }
            column = column * 26 + (Character.toUpperCase(reference.charAt(letters)) - 'A' + 1);
            letters++;
        }
        if (letters == 0) {
            throw new Sax.Reject("row " + row + ": cell reference " + token(reference)
                    + " has no column letters (a cell reference is like B" + row + ")");
        }
        if (column > MAX_COLUMNS) {
            throw new Sax.Reject("row " + row + ", cell " + token(reference)
                    + " is beyond column XFD, the last column Excel has");
        }
        if (letters < reference.length()) {
            int number = wholeNumber(reference.substring(letters), 7);
            if (number != row) {
                throw new Sax.Reject("row " + row + ": cell reference " + token(reference)
                        + " is not a cell of this row");
            }
        }
        return column - 1;
    }

    private int style(String s) throws Sax.Reject {
        if (s == null) {
            return 0;
        }
        int style = wholeNumber(s, 9);
        if (style < 0) {
            throw new Sax.Reject("row " + row + ", cell " + reference(column, row) + ": style " + token(s)
                    + " is not a style number");
        }
        return style;
    }

    /** "the row after row 4", or "the first row". */
    private String afterRow() {
        return row == 0 ? "the sheet's first row" : "the row after row " + row;
    }

    /** Digits only, at most maxDigits of them; -1 otherwise. */
    private static int wholeNumber(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * An attribute value as a reason may show it: quoted when it is a short token of letters,
     * digits and signs, else only its length (it is whatever the file's author put there).
     */
    static String token(String s) {
        if (s.length() <= 12 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == '$')) {
            return "'" + s + "'";
        }
        return "(a value of " + s.length() + " characters)";
    }

    private static Kind kind(String t) {
        if (t == null) {
            return Kind.NUMBER;
        }
        return switch (t) {
            case "s" -> Kind.SHARED_STRING;
            case "inlineStr" -> Kind.INLINE_STRING;
            case "str" -> Kind.FORMULA_STRING;
            case "b" -> Kind.BOOLEAN;
            case "e" -> Kind.ERROR;
            case "d" -> Kind.DATE;
            default -> Kind.NUMBER;
        };
    }
}
