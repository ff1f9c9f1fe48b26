package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An open XLSX package, reduced to what a reader needs: the first sheet and the shared-strings
 * part (both re-readable, as streams), which cell styles are dates, and whether dates count from
 * 1904. Also turns a raw cell into the text a CSV export would hold, so both formats share one
 * validator.
 *
 * <p>Every part is read by SAX through {@link Sax}, so whatever a part holds (a DOCTYPE, broken
 * XML, a zip bomb) ends as a {@link WorkbookException} naming the part. POI is used for the
 * package only: its zip handling guards against zip bombs ({@code ZipSecureFile}: entries that
 * inflate more than 100 times, or beyond 4 GB) and its XML readers refuse DOCTYPEs.
 */
final class XlsxWorkbook implements AutoCloseable {

    private final OPCPackage pkg;
    private final PackagePart sheet;
    private final PackagePart sharedStrings;
    private final CellStyles styles;
    private final boolean date1904;

    private XlsxWorkbook(OPCPackage pkg, PackagePart sheet, PackagePart sharedStrings, CellStyles styles, boolean date1904) {
        this.pkg = pkg;
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /**
     * @throws WorkbookException when the file is not a workbook an export could be
     * @throws IOException       only when the file's bytes cannot be read from the disk
     */
    static XlsxWorkbook open(Path file) throws IOException, WorkbookException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new WorkbookException("not an XLSX workbook (an old .xls, or password-protected)", e);
        } catch (OpenXML4JException | RuntimeException e) {
            throw unreadable(file, e);
        }
        try {
            PackagePart workbook = workbookPart(pkg);
            String workbookName = partName(workbook);
            WorkbookXml workbookXml = new WorkbookXml();
            try (InputStream in = workbook.getInputStream()) {
                Sax.parse(in, workbookXml, workbookName);
            }
            if (workbookXml.firstSheet == null) {
                throw new WorkbookException("the workbook has no sheet");
            }
            PackageRelationship relation = workbook.getRelationship(workbookXml.firstSheet);
            PackagePart sheet = relation == null ? null : workbook.getRelatedPart(relation);
            if (sheet == null) {
                checkRelationshipParts(pkg);
                throw new WorkbookException("the workbook's first sheet refers to a part the package does not hold");
            }
            PackagePart sst = first(pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType()));
            PackagePart stylesPart = first(pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType()));
            CellStyles styles = CellStyles.NONE;
            if (stylesPart != null) {
                try (InputStream in = stylesPart.getInputStream()) {
                    styles = CellStyles.parse(in, partName(stylesPart));
                }
            }
            return new XlsxWorkbook(pkg, sheet, sst, styles, workbookXml.date1904);
        } catch (OpenXML4JException | RuntimeException e) {
            pkg.revert();
            throw unreadable(file, e);
        } catch (IOException e) {
            pkg.revert();
            throw Sax.content(e, "a part of the workbook");
        } catch (WorkbookException e) {
            pkg.revert();
            throw e;
        }
    }

    /** The first sheet's XML, from its start; each call reads it anew. */
    InputStream sheet() throws IOException {
        return sheet.getInputStream();
    }

    String sheetName() {
        return partName(sheet);
    }

    boolean hasSharedStrings() {
        return sharedStrings != null;
    }

    /**
     * The wanted shared strings; null when the workbook has no shared-strings table.
     *
     * @see SharedStringSubset#load
     */
    SharedStringSubset sharedStrings(BitSet wanted, int maxEntry, int maxChars) throws IOException, WorkbookException {
        if (sharedStrings == null) {
            return null;
        }
        try (InputStream in = sharedStrings.getInputStream()) {
            return SharedStringSubset.load(in, wanted, maxEntry, maxChars, partName(sharedStrings));
        }
    }

    /**
     * A cell that is not a shared string, as text. Real Excel dates become ISO text: a timestamp for
     * {@code Laatst gewijzigd}, else the day (a time in a day column is dropped: the cell still names that day).
     *
     * @param column the contract column the cell is read for; null for the header row
     */
    String text(SheetParser.Kind kind, String raw, int style, ExportColumn column) {
        return switch (kind) {
            case SHARED_STRING -> throw new IllegalArgumentException("shared strings are looked up by the reader");
            case BOOLEAN -> "1".equals(raw) ? "TRUE" : "FALSE";
            case NUMBER -> styles.isDate(style) ? serialDate(raw, column) : number(raw);
            case DATE -> isoDate(raw, column);
            default -> raw;
        };
    }

    /**
     * The index a shared-string cell holds; -1 when it is not a whole number from 0 to
     * {@link SharedStringSubset#MAX_INDEX}.
     */
    static int sharedIndex(String raw) {
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 8) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index <= SharedStringSubset.MAX_INDEX ? index : -1;
    }

    @Override
    public void close() {
        // Opened read-only: nothing to save, only the file to let go of.
        pkg.revert();
    }

    /** A part's name as a reason may print it; the package's author chose it, so only a plain path is shown. */
    static String partName(PackagePart part) {
        String name = part.getPartName().getName();
        return name.length() <= 100 && name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '.' || c == '-')
                ? name : "a part of the workbook";
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws IOException, WorkbookException {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.isEmpty()) {
            core = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        PackagePart part = core.isEmpty() ? null : pkg.getPart(core.getRelationship(0));
        if (part == null) {
            checkRelationshipParts(pkg);
            throw new WorkbookException("the package holds no workbook (another kind of Office document?)");
        }
        return part;
    }

    /**
     * POI reads the relationship parts itself and, when one holds a DOCTYPE or is not XML, logs
     * that and carries on as if the part were empty; the reader then only sees a missing workbook
     * or sheet. Reading those (small) parts again through {@link Sax} names the real cause.
     */
    private static void checkRelationshipParts(OPCPackage pkg) throws IOException, WorkbookException {
        for (PackagePart rels : pkg.getPartsByContentType("application/vnd.openxmlformats-package.relationships+xml")) {
            try (InputStream in = rels.getInputStream()) {
                Sax.parse(in, new DefaultHandler(), partName(rels));
            }
        }
    }

    private static PackagePart first(List<PackagePart> parts) {
        return parts.isEmpty() ? null : parts.get(0);
    }

    /**
     * Why POI could not open or navigate the package, as a sentence: a zip bomb or DOCTYPE where
     * it says so, else "not a readable workbook" — unless the disk itself fails, which is not the
     * file's fault and is passed on as an IOException.
     */
    private static WorkbookException unreadable(Path file, Exception e) throws IOException {
        WorkbookException bomb = Sax.zipBomb(e, null);
        if (bomb != null) {
            return bomb;
        }
        WorkbookException doctype = Sax.doctype(e, null);
        if (doctype != null) {
            String part = doctypePart(file);
            return part == null ? doctype : Sax.doctype(e, part);
        }
        Disk.requireReadable(file, e);
        return new WorkbookException("not a readable XLSX workbook (not a zip package of a workbook, or a damaged one)", e);
    }

    /**
     * Which part holds the DOCTYPE that POI met while opening the package (it does not say). A
     * DOCTYPE stands in the prolog, so the first 4 KB of each entry are enough; nothing more is
     * inflated, whatever the entries would expand to.
     */
    private static String doctypePart(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            for (int n = 0; entries.hasMoreElements() && n < 1000; n++) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
                    if (head.contains("<!DOCTYPE")) {
                        String name = "/" + entry.getName();
                        return name.length() <= 100 && name.matches("[A-Za-z0-9/_.\\-\\[\\]]+") ? name : null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a nicer reason was at stake.
        }
        return null;
    }

    private String serialDate(String raw, ExportColumn column) {
        if (raw.length() > 64) {
            return raw;
        }
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
        if (raw.length() > 64) {
            return raw;
        }
        try {
            return format(LocalDateTime.parse(raw.length() == 10 ? raw + "T00:00" : raw), column);
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private static String format(LocalDateTime timestamp, ExportColumn column) {
        return column == ExportColumn.LAST_MODIFIED ? timestamp.toString() : timestamp.toLocalDate().toString();
    }

    /**
     * "3" for 3.0: a number cell holding a count is written with a fraction by some writers. A
     * number with a huge exponent ("1E999999999") stays as written: its plain form would be a
     * billion digits long.
     */
    private static String number(String raw) {
        if (raw.length() > 64) {
            return raw;
        }
        try {
            BigDecimal value = new BigDecimal(raw).stripTrailingZeros();
            if (Math.abs((long) value.scale()) > 64 || value.precision() > 64) {
                return raw;
            }
            return value.toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            return raw;
        }
    }

    /** {@code <workbookPr date1904="1"/>} and the first {@code <sheet r:id>} of {@code <sheets>}. */
    private static final class WorkbookXml extends DefaultHandler {
        boolean date1904;
        boolean seenProperties;
        String firstSheet;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws Sax.Stop {
            switch (Sax.name(localName, qName)) {
                case "workbookPr" -> {
                    // The first one counts, as in Excel's schema there is only one.
                    if (!seenProperties) {
                        String value = attributes.getValue("date1904");
                        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                        seenProperties = true;
                    }
                }
                case "sheet" -> {
                    firstSheet = relationshipId(attributes);
                    throw new Sax.Stop();
                }
                default -> {
                    // workbookPr comes before the sheets; nothing else matters
                }
            }
        }

        /** {@code r:id}, in the transitional or the strict relationships namespace. */
        private static String relationshipId(Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                String local = attributes.getLocalName(i);
                String qualified = attributes.getQName(i);
                boolean namespaced = attributes.getURI(i) != null && attributes.getURI(i).contains("relationships");
                if (("id".equals(local) && namespaced) || (qualified != null && qualified.endsWith(":id"))) {
                    return attributes.getValue(i);
                }
            }
            return null;
        }
    }
}
