package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EmptyFileException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX export with POI's event API, in passes over the zipped XML so
 * that neither the sheet nor its shared strings are ever held whole:
 * <ol>
 * <li>the header row (the first row with anything in it), and the shared strings it uses;</li>
 * <li>which shared strings the contract's non-personal columns use (skipped when the workbook has
 * no shared strings, e.g. inline strings as streaming writers produce);</li>
 * <li>those shared strings, and no others — never the personal data;</li>
 * <li>the rows, each through the validator.</li>
 * </ol>
 */
final class XlsxExportReader {

    private final ValueMapping mapping;

    XlsxExportReader(ValueMapping mapping) {
        this.mapping = mapping;
    }

    ReadResult read(Path file, RowSink sink) throws FileRejectedException, IOException {
        String name = file.getFileName().toString();
        try (OPCPackage pkg = open(file, name)) {
            Workbook workbook = Workbook.of(pkg, name);

            HeaderRow headerRow = readHeader(workbook, name);
            Header header = Header.match(name, headerRow.names());

            BitSet used = workbook.sharedStrings == null ? new BitSet() : usedSharedStrings(workbook, header);
            SharedStringSubset strings = workbook.sharedStrings == null ? null : workbook.loadSharedStrings(used);

            RowEmitter rows = new RowEmitter(workbook, header, headerRow.row(), strings, new RowValidator(mapping), sink);
            try (InputStream sheet = workbook.sheet.getInputStream()) {
                SheetParser.parse(sheet, rows);
            }
            return new ReadResult(rows.rowsRead, header.ignored(), "xlsx");
        } catch (SAXException e) {
            throw new FileRejectedException(name + ": the workbook's XML cannot be read", e);
        }
    }

    private static OPCPackage open(Path file, String name) throws FileRejectedException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new FileRejectedException(name + ": not an XLSX workbook (an old .xls, or password-protected)", e);
        } catch (OpenXML4JException | UnsupportedFileFormatException | EmptyFileException | InvalidOperationException e) {
            throw new FileRejectedException(name + ": not a readable XLSX workbook", e);
        }
    }

    /** Pass 1: the first row with content, its cells as text. */
    private static HeaderRow readHeader(Workbook workbook, String name) throws IOException, SAXException, FileRejectedException {
        List<SheetParser.Kind> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> styles = new ArrayList<>();
        int[] headerRow = {0};
        try (InputStream sheet = workbook.sheet.getInputStream()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return true;
                }

                @Override
                public void cell(int column, SheetParser.Kind kind, String text, int style) {
                    while (texts.size() <= column) {
                        kinds.add(null);
                        texts.add(null);
                        styles.add(0);
                    }
                    kinds.set(column, kind);
                    texts.set(column, text);
                    styles.set(column, style);
                }

                @Override
                public void endRow(int row, boolean hasContent) throws SAXException {
                    if (hasContent) {
                        headerRow[0] = row;
                        throw new SheetParser.Stop();
                    }
                    kinds.clear();
                    texts.clear();
                    styles.clear();
                }
            });
        }
        if (headerRow[0] == 0) {
            throw new FileRejectedException(name + ": the first sheet is empty; an export has at least a header row");
        }
        BitSet headerStrings = new BitSet();
        for (int i = 0; i < texts.size(); i++) {
            if (kinds.get(i) == SheetParser.Kind.SHARED_STRING) {
                headerStrings.set(sharedIndex(texts.get(i)));
            }
        }
        SharedStringSubset strings = headerStrings.isEmpty() ? null : workbook.loadSharedStrings(headerStrings);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            names.add(texts.get(i) == null ? null : workbook.text(kinds.get(i), texts.get(i), styles.get(i), strings, null));
        }
        return new HeaderRow(headerRow[0], names);
    }

    /**
     * Pass 2: the shared-string entries that cells of read columns refer to (the header's own
     * entries included: they are column names, and leaving them out would cost a row check per cell).
     */
    private static BitSet usedSharedStrings(Workbook workbook, Header header) throws IOException, SAXException {
        BitSet used = new BitSet();
        try (InputStream sheet = workbook.sheet.getInputStream()) {
            SheetParser.parse(sheet, new SheetParser.Cells() {
                @Override
                public boolean wants(int column) {
                    return header.slot(column) >= 0;
                }

                @Override
                public void cell(int column, SheetParser.Kind kind, String text, int style) {
                    if (kind == SheetParser.Kind.SHARED_STRING) {
                        used.set(sharedIndex(text));
                    }
                }

                @Override
                public void endRow(int row, boolean hasContent) {
                    // rows do not matter here
                }
            });
        }
        return used;
    }

    private static int sharedIndex(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private record HeaderRow(int row, List<String> names) {
    }

    /** Pass 4: each row below the header, as raw text per contract column, through the validator. */
    private static final class RowEmitter implements SheetParser.Cells {
        private final Workbook workbook;
        private final Header header;
        private final int headerRow;
        private final SharedStringSubset strings;
        private final RowValidator validator;
        private final RowSink sink;
        private final String[] values = new String[ExportColumn.all().size()];
        long rowsRead;

        RowEmitter(Workbook workbook, Header header, int headerRow, SharedStringSubset strings,
                   RowValidator validator, RowSink sink) {
            this.workbook = workbook;
            this.header = header;
            this.headerRow = headerRow;
            this.strings = strings;
            this.validator = validator;
            this.sink = sink;
        }

        @Override
        public boolean wants(int column) {
            return header.slot(column) >= 0;
        }

        @Override
        public void cell(int column, SheetParser.Kind kind, String text, int style) {
            ExportColumn target = header.column(column);
            values[target.ordinal()] = workbook.text(kind, text, style, strings, target);
        }

        @Override
        public void endRow(int row, boolean hasContent) {
            if (row > headerRow && hasContent) {
                rowsRead++;
                validator.validate(row, values, sink);
            }
            Arrays.fill(values, null);
        }
    }

    /** The parts of the package a reader needs, and how a cell's raw content becomes text. */
    private static final class Workbook {
        final PackagePart sheet;
        final PackagePart sharedStrings;
        private final StylesTable styles;
        private final boolean date1904;
        /** Per style index: null = not yet looked at. */
        private Boolean[] dateStyle = new Boolean[0];

        private Workbook(PackagePart sheet, PackagePart sharedStrings, StylesTable styles, boolean date1904) {
            this.sheet = sheet;
            this.sharedStrings = sharedStrings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        static Workbook of(OPCPackage pkg, String name) throws IOException, SAXException, FileRejectedException {
            try {
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                if (!sheets.hasNext()) {
                    throw new FileRejectedException(name + ": the workbook has no sheet");
                }
                sheets.next().close();
                List<PackagePart> sst = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                boolean date1904;
                try (InputStream workbookXml = reader.getWorkbookData()) {
                    date1904 = isDate1904(workbookXml);
                }
                return new Workbook(sheets.getSheetPart(), sst.isEmpty() ? null : sst.get(0), reader.getStylesTable(), date1904);
            } catch (OpenXML4JException | POIXMLException e) {
                throw new FileRejectedException(name + ": not a readable XLSX workbook", e);
            }
        }

        SharedStringSubset loadSharedStrings(BitSet wanted) throws IOException, SAXException {
            if (sharedStrings == null) {
                return null;
            }
            try (InputStream in = sharedStrings.getInputStream()) {
                return SharedStringSubset.load(in, wanted);
            }
        }

        /**
         * A cell as the text a CSV export would hold, so both formats share one validator. Real
         * Excel dates become ISO text: a timestamp for {@code Laatst gewijzigd}, else the day.
         */
        String text(SheetParser.Kind kind, String raw, int style, SharedStringSubset strings, ExportColumn column) {
            return switch (kind) {
                case SHARED_STRING -> strings == null ? null : strings.get(sharedIndex(raw));
                case BOOLEAN -> "1".equals(raw) ? "TRUE" : "FALSE";
                case NUMBER -> isDateStyle(style) ? date(raw, column) : number(raw);
                case DATE -> isoDate(raw, column);
                default -> raw;
            };
        }

        private String date(String raw, ExportColumn column) {
            double serial;
            try {
                serial = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return raw;
            }
            if (!DateUtil.isValidExcelDate(serial)) {
                return raw;
            }
            return format(DateUtil.getLocalDateTime(serial, date1904, true), column);
        }

        private static String isoDate(String raw, ExportColumn column) {
            try {
                return format(LocalDateTime.parse(raw.length() == 10 ? raw + "T00:00" : raw), column);
            } catch (DateTimeParseException e) {
                return raw;
            }
        }

        private static String format(LocalDateTime timestamp, ExportColumn column) {
            return column == ExportColumn.LAST_MODIFIED ? timestamp.toString() : timestamp.toLocalDate().toString();
        }

        /** "3" for 3.0: a number cell holding a count is written with a fraction by some writers. */
        private static String number(String raw) {
            try {
                return new BigDecimal(raw).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private boolean isDateStyle(int style) {
            if (styles == null || style < 0 || style >= styles.getNumCellStyles()) {
                return false;
            }
            if (style >= dateStyle.length) {
                dateStyle = Arrays.copyOf(dateStyle, styles.getNumCellStyles());
            }
            if (dateStyle[style] == null) {
                XSSFCellStyle cellStyle = styles.getStyleAt(style);
                dateStyle[style] = cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            }
            return dateStyle[style];
        }

        /** {@code <workbookPr date1904="1"/>}: the workbook counts days from 1904 (old Mac Excel). */
        private static boolean isDate1904(InputStream workbookXml) throws IOException, SAXException {
            boolean[] date1904 = {false};
            XMLReader reader;
            try {
                reader = XMLHelper.newXMLReader();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("No XML parser", e);
            }
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes)
                        throws SAXException {
                    if ("workbookPr".equals(localName.isEmpty() ? qName : localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                        throw new SheetParser.Stop();
                    }
                }
            });
            try {
                reader.parse(new InputSource(workbookXml));
            } catch (SheetParser.Stop stop) {
                // found it
            }
            return date1904[0];
        }
    }
}
