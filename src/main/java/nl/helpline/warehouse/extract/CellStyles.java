package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles of a workbook format a number as a date: all a reader needs of
 * {@code xl/styles.xml}. Streamed with SAX like every other part rather than loaded whole into
 * POI's StylesTable, so a DOCTYPE, a damaged part or a styles part of any size is handled (and
 * bounded) the same way as in the sheet.
 */
final class CellStyles {

    /** Excel allows 64,000 cell formats; more is not a workbook Excel wrote. */
    static final int MAX_STYLES = 65_536;
    /** Excel's longest number format is 255 characters. */
    private static final int MAX_FORMAT = 1024;

    static final CellStyles NONE = new CellStyles(new BitSet());

    private final BitSet dateStyles;

    private CellStyles(BitSet dateStyles) {
        this.dateStyles = dateStyles;
    }

    static CellStyles parse(InputStream styles, String part) throws IOException, WorkbookException {
        Handler handler = new Handler(part);
        Sax.parse(styles, handler, part);
        BitSet dates = new BitSet();
        for (int style = 0; style < handler.count; style++) {
            int id = handler.formatOf[style];
            String format = handler.customFormats.containsKey(id) ? handler.customFormats.get(id) : BuiltinFormats.getBuiltinFormat(id);
            if (DateUtil.isInternalDateFormat(id) || (format != null && DateUtil.isADateFormat(id, format))) {
                dates.set(style);
            }
        }
        return new CellStyles(dates);
    }

    /** Whether the style (an index into the cell formats) formats dates; unknown styles do not. */
    boolean isDate(int style) {
        return style >= 0 && dateStyles.get(style);
    }

    /** {@code <numFmts><numFmt numFmtId formatCode/></numFmts> … <cellXfs><xf numFmtId/></cellXfs>} */
    private static final class Handler extends DefaultHandler {
        private final String part;
        private final Map<Integer, String> customFormats = new HashMap<>();
        private int[] formatOf = new int[16];
        private int count;
        private boolean inCellFormats;

        Handler(String part) {
            this.part = part;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws Sax.Reject {
            switch (Sax.name(localName, qName)) {
                case "numFmt" -> {
                    int id = number(attributes.getValue("numFmtId"));
                    String code = attributes.getValue("formatCode");
                    if (id >= 0 && code != null && code.length() <= MAX_FORMAT) {
                        if (customFormats.size() >= MAX_STYLES) {
                            throw new Sax.Reject(part + " defines more than " + MAX_STYLES + " number formats; Excel allows about 250");
                        }
                        customFormats.put(id, code);
                    }
                }
                case "cellXfs" -> inCellFormats = true;
                case "xf" -> {
                    if (inCellFormats) {
                        if (count >= MAX_STYLES) {
                            throw new Sax.Reject(part + " defines more than " + MAX_STYLES + " cell formats; Excel allows 64,000");
                        }
                        if (count == formatOf.length) {
                            formatOf = java.util.Arrays.copyOf(formatOf, Math.min(MAX_STYLES, count * 2));
                        }
                        formatOf[count++] = Math.max(0, number(attributes.getValue("numFmtId")));
                    }
                }
                default -> {
                    // fonts, fills, borders and the rest say nothing about dates
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ("cellXfs".equals(Sax.name(localName, qName))) {
                inCellFormats = false;
            }
        }

        /** A format id; -1 when absent or not a small whole number (then the format is general). */
        private static int number(String value) {
            if (value == null || value.isEmpty() || value.length() > 9) {
                return -1;
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return -1;
                }
            }
            return Integer.parseInt(value);
        }
    }
}
