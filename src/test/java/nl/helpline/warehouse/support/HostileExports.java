package nl.helpline.warehouse.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Export files a real drop folder may see, built byte by byte in code (no binary fixtures): good
 * ones, and hostile or broken ones that must each end as one rejected file (or as the rows and
 * rejects stated), never as a failed run, an exception of another kind or an exhausted heap.
 *
 * <p>Every method writes one file to the given path (parent directories are created) and returns
 * the path. Workbooks are written with {@code java.util.zip} and hand-written XML, so each odd
 * byte is exactly where the test wants it. Rows carry fake personal data ({@link #PERSONAL}) so a
 * test can prove that none of it comes out anywhere; request numbers are
 * {@code <prefix>-000001}, {@code <prefix>-000002}, … so each file's rows are distinct.
 *
 * <p>What the reader does with each (see {@code extract.HostileWorkbookTest}, {@code HostileCsvTest}):
 * <ul>
 * <li>{@link #good}: every row loads;</li>
 * <li>{@link #zipBomb}, {@link #doctypeInStyles}, {@link #doctypeIn}, {@link #hugeColumnReference},
 * {@link #hugeSharedStringIndex}, {@link #nulInHeader}, {@link #wideHeader}, {@link #strayQuote}
 * and most {@link #oddSheetXml} variants: the file is rejected as a whole;</li>
 * <li>{@link #nulInCodedValue}: {@value #NUL_GOOD_ROWS} rows load, one is rejected;</li>
 * <li>{@link #oddSheetXml} {@code "lower-case-references"}: every row loads (read as Excel reads it).</li>
 * </ul>
 */
public final class HostileExports {

    /** The contract's header, in the contract's order. */
    public static final List<String> HEADER = List.of(
            "Verzoeknummer", "Laatst gewijzigd", "Datum binnenkomst", "Datum afgesloten", "Status",
            "Eerste contact", "Type aanvrager", "Werkterrein", "Verschijningsvormen", "Hulpvragen",
            "Opvolging", "Aanvullende ondersteuning", "Aantal gesprekken",
            "Naam melder", "Telefoonnummer melder", "E-mailadres melder", "Naam betrokkene", "Toelichting");

    /** Fake personal data in every row: none of it may appear in any output. */
    public static final List<String> PERSONAL = List.of("Hostile Melder", "0611223344", "hostile.melder@example.nl",
            "Hostile Betrokkene", "Zorgen over de buurjongen");

    /** Rows of {@link #nulInCodedValue} that are valid. */
    public static final int NUL_GOOD_ROWS = 3;

    /** The variants {@link #oddSheetXml} knows, each a kind of sheet XML no exporter writes. */
    public static final List<String> ODD_SHEET_VARIANTS = List.of(
            "row-number-not-a-number",      // <row r="abc">
            "row-number-negative",          // <row r="-3">
            "row-number-zero",              // <row r="0">
            "row-number-beyond-excel",      // <row r="1048577">
            "rows-out-of-order",            // row 3, then row 2
            "style-not-a-number",           // <c s="x">
            "style-negative",               // <c s="-1">
            "reference-without-column",     // <c r="1">
            "reference-beyond-xfd",         // <c r="XFE2">
            "reference-of-another-row",     // <row r="2"><c r="A7">
            "cells-out-of-order",           // C2 before A2
            "shared-string-not-a-number",   // <c t="s"><v>abc</v>
            "shared-string-negative",       // <c t="s"><v>-1</v>
            "shared-string-beyond-table",   // index 999 of a table of some 30 entries
            "lower-case-references");       // <c r="a2">: read as A2

    private HostileExports() {
    }

    // ---------------------------------------------------------------- good files

    /**
     * A valid export of {@code rows} closed requests, {@code <prefix>-000001} onwards: a workbook
     * (shared strings, as Excel writes) when the path ends in {@code .xlsx}, else a CSV.
     */
    public static Path good(Path file, String requestPrefix, int rows) {
        List<List<String>> data = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            data.add(validRow(requestPrefix, i));
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            Workbook workbook = new Workbook().sharedStrings(true);
            workbook.row(HEADER);
            data.forEach(workbook::row);
            return workbook.write(file);
        }
        return csv(file, HEADER, data);
    }

    // ---------------------------------------------------------------- hostile workbooks

    /**
     * A 20 KB workbook whose sheet inflates to 20 MB (a ratio of about 1000; POI refuses more
     * than 100 with "Zip bomb detected!").
     */
    public static Path zipBomb(Path file) {
        Workbook workbook = new Workbook();
        workbook.row(HEADER);
        workbook.row(validRow("BOMB", 1));
        workbook.padding = 20 << 20;
        return workbook.write(file);
    }

    /** A workbook whose {@code xl/styles.xml} starts with a DOCTYPE (an internal entity). */
    public static Path doctypeInStyles(Path file) {
        return doctypeIn(file, "xl/styles.xml");
    }

    /**
     * A workbook with a DOCTYPE in one part: {@code xl/styles.xml}, {@code xl/workbook.xml},
     * {@code xl/worksheets/sheet1.xml}, {@code xl/sharedStrings.xml} or {@code [Content_Types].xml}.
     */
    public static Path doctypeIn(Path file, String part) {
        Workbook workbook = new Workbook().sharedStrings(true);
        workbook.row(HEADER);
        workbook.row(validRow("DOCTYPE", 1));
        workbook.doctypeIn = part;
        return workbook.write(file);
    }

    /**
     * A 1 KB workbook whose header row has a cell {@code ZZZZZZ1}: read naively, the header is
     * 321 million columns wide.
     */
    public static Path hugeColumnReference(Path file) {
        Workbook workbook = new Workbook();
        workbook.rawRow("<row r=\"1\">" + inlineCells(HEADER, 1) + "<c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        workbook.row(validRow("WIDE", 1));
        return workbook.write(file);
    }

    /**
     * A workbook with a valid header and one row whose {@code Eerste contact} cell refers to
     * shared string 2147483647 (read naively: a set of two billion bits).
     */
    public static Path hugeSharedStringIndex(Path file) {
        Workbook workbook = new Workbook().sharedStrings(true);
        workbook.row(HEADER);
        workbook.row(validRow("SST", 1));
        workbook.rawRow("<row r=\"3\">" + sharedStringCell("F3", "2147483647") + "</row>");
        return workbook.write(file);
    }

    /**
     * A workbook with one kind of odd but well-formed sheet XML (see {@link #ODD_SHEET_VARIANTS}).
     * The header is row 1 and valid rows 2 to 4 surround the odd one.
     */
    public static Path oddSheetXml(Path file, String variant) {
        Workbook workbook = new Workbook().sharedStrings(variant.startsWith("shared-string"));
        workbook.row(HEADER);
        workbook.row(validRow("ODD", 1));
        List<String> row3 = validRow("ODD", 2);
        String odd = switch (variant) {
            case "row-number-not-a-number" -> "<row r=\"abc\">" + inlineCells(row3, 3, false) + "</row>";
            case "row-number-negative" -> "<row r=\"-3\">" + inlineCells(row3, 3, false) + "</row>";
            case "row-number-zero" -> "<row r=\"0\">" + inlineCells(row3, 3, false) + "</row>";
            case "row-number-beyond-excel" -> "<row r=\"1048577\">" + inlineCells(row3, 1048577, false) + "</row>";
            case "rows-out-of-order" -> "<row r=\"3\">" + inlineCells(row3, 3) + "</row><row r=\"2\">"
                    + inlineCells(validRow("ODD", 9), 2) + "</row>";
            case "style-not-a-number" -> "<row r=\"3\">" + inlineCells(row3, 3).replace("<c r=\"B3\"", "<c r=\"B3\" s=\"x\"") + "</row>";
            case "style-negative" -> "<row r=\"3\">" + inlineCells(row3, 3).replace("<c r=\"B3\"", "<c r=\"B3\" s=\"-1\"") + "</row>";
            case "reference-without-column" -> "<row r=\"3\">" + inlineCells(row3, 3).replace("<c r=\"B3\"", "<c r=\"1\"") + "</row>";
            case "reference-beyond-xfd" -> "<row r=\"3\">" + inlineCells(row3, 3)
                    + "<c r=\"XFE3\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
            case "reference-of-another-row" -> "<row r=\"3\">" + inlineCells(row3, 3).replace("<c r=\"A3\"", "<c r=\"A7\"") + "</row>";
            case "cells-out-of-order" -> "<row r=\"3\">" + inlineCells(row3, 3).replace("<c r=\"A3\"", "<c r=\"Z3\"") + "</row>";
            case "shared-string-not-a-number" -> "<row r=\"3\">" + sharedStringCell("F3", "abc") + "</row>";
            case "shared-string-negative" -> "<row r=\"3\">" + sharedStringCell("F3", "-1") + "</row>";
            case "shared-string-beyond-table" -> "<row r=\"3\">" + sharedStringCell("F3", "999") + "</row>";
            // Only the references go lower case; the values stay as written.
            case "lower-case-references" -> "<row r=\"3\">" + inlineCells(row3, 3, true, true) + "</row>";
            default -> throw new IllegalArgumentException("No odd sheet variant " + variant + "; known: " + ODD_SHEET_VARIANTS);
        };
        workbook.rawRow(odd);
        if (!variant.equals("row-number-beyond-excel")) {
            workbook.rawRow("<row r=\"4\">" + inlineCells(validRow("ODD", 3), 4) + "</row>");
        }
        return workbook.write(file);
    }

    // ---------------------------------------------------------------- hostile CSV

    /**
     * A CSV of {@value #NUL_GOOD_ROWS} valid rows and, on line 3, a row whose {@code Eerste contact}
     * is "Tele&#92;0foon" (a NUL byte inside a coded value; PostgreSQL refuses NUL in text).
     */
    public static Path nulInCodedValue(Path file) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(validRow("NUL", 1));
        List<String> bad = new ArrayList<>(validRow("NUL", 2));
        bad.set(HEADER.indexOf("Eerste contact"), "Tele\u0000foon");
        rows.add(bad);
        rows.add(validRow("NUL", 3));
        rows.add(validRow("NUL", 4));
        return csv(file, HEADER, rows);
    }

    /** A CSV whose header name {@code Status} holds a NUL byte. */
    public static Path nulInHeader(Path file) {
        List<String> header = new ArrayList<>(HEADER);
        header.set(HEADER.indexOf("Status"), "Sta\u0000tus");
        return csv(file, header, List.of(validRow("NULHEADER", 1)));
    }

    /** A CSV whose first line is {@code megabytes} MB of nothing but {@code ;}, then one valid row. */
    public static Path wideHeader(Path file, int megabytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) ';');
                for (int i = 0; i < megabytes; i++) {
                    out.write(chunk);
                }
                out.write(("\r\n" + csvLine(validRow("WIDE", 1))).getBytes(StandardCharsets.UTF_8));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CSV of {@code swallowedRows + 4} valid-looking rows where the {@code Toelichting} of the
     * second (line 3) opens with a stray, unescaped {@code "} that the {@code Toelichting} of row
     * {@code swallowedRows + 3} closes: read by RFC 4180 alone, the rows in between vanish into one
     * note. Rows: {@code STRAY-000001} … {@code STRAY-<swallowedRows + 4>}, one physical line each.
     */
    public static Path strayQuote(Path file, int swallowedRows) {
        StringBuilder text = new StringBuilder(csvLine(HEADER));
        int notes = HEADER.indexOf("Toelichting");
        for (int i = 1; i <= swallowedRows + 4; i++) {
            List<String> row = new ArrayList<>(validRow("STRAY", i));
            row.set(notes, "Zorgen over de buurjongen");
            String line = csvLine(row);
            if (i == 2) {
                line = line.replace("Zorgen over de buurjongen", "\"Zorgen over de buurjongen, zegt hij");
            } else if (i == swallowedRows + 3) {
                line = line.replace("Zorgen over de buurjongen", "Zorgen\" over de buurjongen");
            }
            text.append(line);
        }
        return write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- building blocks

    /** A valid closed request, by header position. */
    public static List<String> validRow(String prefix, int number) {
        return List.of(String.format("%s-%06d", prefix, number), "05-02-2024 10:15", "10-01-2024", "20-01-2024",
                "Afgesloten", "Telefoon", "Professional", "Onderwijs", "Jihadisme|Complotdenken",
                "Is de situatie zorgelijk?", "Consultatie", "", "2",
                PERSONAL.get(0), PERSONAL.get(1), PERSONAL.get(2), PERSONAL.get(3), PERSONAL.get(4));
    }

    private static Path csv(Path file, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(csvLine(header));
        rows.forEach(r -> text.append(csvLine(r)));
        return write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (i > 0) {
                line.append(';');
            }
            line.append(v.contains(";") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return line.append("\r\n").toString();
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String inlineCells(List<String> values, int row) {
        return inlineCells(values, row, true, false);
    }

    private static String inlineCells(List<String> values, int row, boolean references) {
        return inlineCells(values, row, references, false);
    }

    private static String inlineCells(List<String> values, int row, boolean references, boolean lowerCase) {
        StringBuilder cells = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            if (values.get(c).isEmpty()) {
                continue;
            }
            String ref = column(c) + row;
            cells.append("<c").append(references ? " r=\"" + (lowerCase ? ref.toLowerCase(Locale.ROOT) : ref) + "\"" : "")
                    .append(" t=\"inlineStr\"><is><t>").append(xml(values.get(c))).append("</t></is></c>");
        }
        return cells.toString();
    }

    private static String sharedStringCell(String reference, String index) {
        return "<c r=\"" + reference + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int c = index + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A minimal XLSX package: workbook, one sheet, styles, optionally shared strings. */
    private static final class Workbook {
        private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static final String DOCTYPE = "<!DOCTYPE x [<!ENTITY e \"entity\">]>";

        private final List<String> rows = new ArrayList<>();
        private final Map<String, Integer> strings = new LinkedHashMap<>();
        private boolean shared;
        private int padding;
        private String doctypeIn;

        Workbook sharedStrings(boolean shared) {
            this.shared = shared;
            return this;
        }

        void row(List<String> values) {
            int r = rows.size() + 1;
            if (!shared) {
                rows.add("<row r=\"" + r + "\">" + inlineCells(values, r) + "</row>");
                return;
            }
            StringBuilder cells = new StringBuilder();
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c).isEmpty()) {
                    continue;
                }
                int index = strings.computeIfAbsent(values.get(c), v -> strings.size());
                cells.append(sharedStringCell(column(c) + r, Integer.toString(index)));
            }
            rows.add("<row r=\"" + r + "\">" + cells + "</row>");
        }

        void rawRow(String xml) {
            rows.add(xml);
        }

        Path write(Path file) {
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    """ + (shared ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                    + "</Types>");
            parts.put("_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            parts.put("xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            parts.put("xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    """ + (shared ? "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                    + "</Relationships>");
            parts.put("xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy hh:mm"/></numFmts>\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
                    <borders count="1"><border/></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    </styleSheet>""");
            if (shared) {
                StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"")
                        .append(MAIN).append("\" count=\"").append(strings.size()).append("\" uniqueCount=\"")
                        .append(strings.size()).append("\">");
                strings.keySet().forEach(s -> sst.append("<si><t xml:space=\"preserve\">").append(xml(s)).append("</t></si>"));
                parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
            }
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    for (Map.Entry<String, String> part : parts.entrySet()) {
                        zip.putNextEntry(new ZipEntry(part.getKey()));
                        zip.write(withDoctype(part.getKey(), part.getValue()).getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                    zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                    writeSheet(zip);
                    zip.closeEntry();
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeSheet(OutputStream out) throws IOException {
            String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\"><sheetData>";
            out.write(withDoctype("xl/worksheets/sheet1.xml", head).getBytes(StandardCharsets.UTF_8));
            for (String row : rows) {
                out.write(row.getBytes(StandardCharsets.UTF_8));
            }
            // White space between the rows: well-formed, and a million times as large as it compresses.
            byte[] spaces = new byte[1 << 16];
            Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < padding; written += spaces.length) {
                out.write(spaces);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }

        private String withDoctype(String part, String xml) {
            if (!part.equals(doctypeIn)) {
                return xml;
            }
            int afterDeclaration = xml.indexOf("?>") + 2;
            return xml.substring(0, afterDeclaration) + DOCTYPE + xml.substring(afterDeclaration);
        }
    }
}
