package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

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
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An open XLSX package, reduced to what a reader needs: the first sheet and the shared-strings
 * part (both re-readable, as streams), the cell styles, and whether dates count from 1904.
 * Also turns a raw cell into the text a CSV export would hold, so both formats share one validator.
 */
final class XlsxWorkbook implements AutoCloseable {

    private final OPCPackage pkg;
    private final PackagePart sheet;
    private final PackagePart sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    /** Per style index: whether it formats a date; null until first asked. */
    private Boolean[] dateStyle = new Boolean[0];

    private XlsxWorkbook(OPCPackage pkg, PackagePart sheet, PackagePart sharedStrings, StylesTable styles,
                         boolean date1904) {
        this.pkg = pkg;
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    static XlsxWorkbook open(Path file) throws IOException, SAXException, FileRejectedException {
        String name = file.getFileName().toString();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new FileRejectedException(name + ": not an XLSX workbook (an old .xls, or password-protected)", e);
        } catch (OpenXML4JException | UnsupportedFileFormatException | EmptyFileException | InvalidOperationException e) {
            throw new FileRejectedException(name + ": not a readable XLSX workbook", e);
        }
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
            return new XlsxWorkbook(pkg, sheets.getSheetPart(), sst.isEmpty() ? null : sst.get(0),
                    reader.getStylesTable(), date1904);
        } catch (OpenXML4JException | POIXMLException e) {
            pkg.revert();
            throw new FileRejectedException(name + ": not a readable XLSX workbook", e);
        } catch (IOException | SAXException | FileRejectedException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /** The first sheet's XML, from its start; each call reads it anew. */
    InputStream sheet() throws IOException {
        return sheet.getInputStream();
    }

    boolean hasSharedStrings() {
        return sharedStrings != null;
    }

    /** The wanted shared strings; null when the workbook has no shared-strings table. */
    SharedStringSubset sharedStrings(BitSet wanted) throws IOException, SAXException {
        if (sharedStrings == null) {
            return null;
        }
        try (InputStream in = sharedStrings.getInputStream()) {
            return SharedStringSubset.load(in, wanted);
        }
    }

    /**
     * A cell as text. Real Excel dates become ISO text: a timestamp for {@code Laatst gewijzigd},
     * else the day (a time in a day column is dropped: the cell still names that day).
     *
     * @param column the contract column the cell is read for; null for the header row
     */
    String text(SheetParser.Kind kind, String raw, int style, SharedStringSubset strings, ExportColumn column) {
        return switch (kind) {
            case SHARED_STRING -> strings == null ? null : strings.get(sharedIndex(raw));
            case BOOLEAN -> "1".equals(raw) ? "TRUE" : "FALSE";
            case NUMBER -> isDateStyle(style) ? serialDate(raw, column) : number(raw);
            case DATE -> isoDate(raw, column);
            default -> raw;
        };
    }

    /** The index a shared-string cell holds; 0 for a malformed one (a corrupt file, not an export's fault). */
    static int sharedIndex(String raw) {
        try {
            return Math.max(0, Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        // Opened read-only: nothing to save, only the file to let go of.
        pkg.revert();
    }

    private String serialDate(String raw, ExportColumn column) {
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
        Sax.parse(workbookXml, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                if ("workbookPr".equals(Sax.name(localName, qName))) {
                    String value = attributes.getValue("date1904");
                    date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    throw new Sax.Stop();
                }
                if ("sheets".equals(Sax.name(localName, qName))) {
                    throw new Sax.Stop(); // workbookPr comes before the sheets or not at all
                }
            }
        });
        return date1904[0];
    }
}
