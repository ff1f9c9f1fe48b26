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
 * <p>Only cells in columns the receiver {@link Cells#wants(int) wants} get their text collected;
 * for the others the parser only notes whether they hold anything, so personal data is never
 * turned into a string.
 */
final class SheetParser extends DefaultHandler {

    /** How a cell stores its value (the {@code t} attribute). */
    enum Kind { NUMBER, SHARED_STRING, INLINE_STRING, FORMULA_STRING, BOOLEAN, ERROR, DATE }

    /** Receives one row's wanted cells, then the end of the row. */
    interface Cells {
        boolean wants(int column);

        /**
         * @param text  the cell's text: a number as written, a shared-string index, inline text, …
         * @param style index into the workbook's cell styles (0 when none)
         */
        void cell(int column, Kind kind, String text, int style) throws SAXException;

        /**
         * @param row        1-based, as Excel shows it
         * @param hasContent whether any cell of the row, wanted or not, holds something other than white space
         */
        void endRow(int row, boolean hasContent) throws SAXException;
    }

    private final Cells cells;
    private final StringBuilder text = new StringBuilder();

    private int row;
    private boolean rowHasContent;
    private int nextColumn;
    private int column;
    private Kind kind;
    private int style;
    private boolean wanted;
    /** Inside {@code <v>} or an inline string's {@code <t>} (not a phonetic one). */
    private boolean inText;
    private boolean inPhonetic;

    private SheetParser(Cells cells) {
        this.cells = cells;
    }

    /** Parses the sheet, feeding every row to the receiver until the end or a {@link Sax.Stop}. */
    static void parse(InputStream sheet, Cells cells) throws IOException, SAXException {
        Sax.parse(sheet, new SheetParser(cells));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (Sax.name(localName, qName)) {
            case "row" -> {
                String r = attributes.getValue("r");
                row = r == null ? row + 1 : Integer.parseInt(r);
                rowHasContent = false;
                nextColumn = 0;
            }
            case "c" -> {
                String r = attributes.getValue("r");
                column = r == null ? nextColumn : columnOf(r);
                kind = kind(attributes.getValue("t"));
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                wanted = cells.wants(column);
                text.setLength(0);
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
                if (wanted && text.length() > 0) {
                    cells.cell(column, kind, text.toString(), style);
                }
                nextColumn = column + 1;
                wanted = false;
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
        if (wanted) {
            text.append(ch, start, length);
        }
        for (int i = start; i < start + length && !rowHasContent; i++) {
            rowHasContent = !Text.isSpace(ch[i]);
        }
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

    /** "AB12" → 27 (0-based column). */
    static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
