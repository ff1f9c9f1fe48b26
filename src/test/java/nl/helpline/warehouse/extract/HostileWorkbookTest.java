package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.helpline.warehouse.support.HostileExports;

/**
 * A workbook is the unit of failure: whatever its bytes, reading it ends in rows and rejects or in
 * a {@link FileRejectedException} whose reason names the file and, where it applies, the part, the
 * sheet row and the cell. Never another exception, never the text of a cell in the reason.
 */
class HostileWorkbookTest {

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());

    private String rejected(Path file) {
        CollectingSink sink = new CollectingSink();
        Throwable thrown = null;
        try {
            files.read(file, sink);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("reading %s", file.getFileName()).isInstanceOf(FileRejectedException.class);
        String reason = thrown.getMessage();
        assertThat(reason).startsWith(file.getFileName() + ": ");
        for (String personal : HostileExports.PERSONAL) {
            assertThat(reason).doesNotContain(personal);
        }
        return reason;
    }

    private CollectingSink read(Path file) throws Exception {
        CollectingSink sink = new CollectingSink();
        ReadResult result = files.read(file, sink);
        assertThat(result.rowsRead()).isEqualTo(sink.rows.size() + sink.rejects.size());
        return sink;
    }

    @Test
    void theGoodWorkbookOfTheHostileSetLoads() throws Exception {
        CollectingSink sink = read(HostileExports.good(dir.resolve("good.xlsx"), "GOOD", 7));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::requestNumber).containsExactly(
                "GOOD-000001", "GOOD-000002", "GOOD-000003", "GOOD-000004", "GOOD-000005", "GOOD-000006", "GOOD-000007");
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aZipBombIsRejectedAsOne() {
        Path file = HostileExports.zipBomb(dir.resolve("bomb.xlsx"));
        assertThat(file.toFile().length()).isLessThan(40_000);
        assertThat(rejected(file)).isEqualTo("bomb.xlsx: /xl/worksheets/sheet1.xml expands to more than 100 times its"
                + " compressed size: an inflate ratio typical of a zip bomb, never of an export. Not read");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
            "_rels/.rels", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"})
    void aDoctypeInAnyPartRejectsTheWorkbookNamingThePart(String part) {
        Path file = HostileExports.doctypeIn(dir.resolve("doctype.xlsx"), part);
        assertThat(rejected(file)).isEqualTo("doctype.xlsx: the workbook contains a DOCTYPE (in /" + part
                + "), which an export never has");
    }

    @Test
    void aColumnReferenceBeyondXfdIsRejectedNotAllocated() {
        Path file = HostileExports.hugeColumnReference(dir.resolve("wide.xlsx"));
        assertThat(rejected(file)).isEqualTo("wide.xlsx: row 1, cell 'ZZZZZZ1' is beyond column XFD, the last column Excel has");
    }

    @Test
    void aSharedStringIndexOfTwoBillionIsRejectedNotAllocated() {
        Path file = HostileExports.hugeSharedStringIndex(dir.resolve("sst.xlsx"));
        assertThat(rejected(file)).isEqualTo("sst.xlsx: row 3, cell F3 refers to shared string '2147483647', which is not"
                + " an index from 0 to 67108863 (the most this reader allows)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "row-number-not-a-number|the row after row 2 has row number 'abc', which is not a row number from 1 to 1048576",
            "row-number-negative|the row after row 2 has row number '-3', which is not a row number from 1 to 1048576",
            "row-number-zero|the row after row 2 has row number '0', which is not a row number from 1 to 1048576",
            "row-number-beyond-excel|the row after row 2 has row number '1048577', which is not a row number from 1 to 1048576",
            "rows-out-of-order|row 2 comes after row 3; the rows of a sheet are in ascending order",
            "style-not-a-number|row 3, cell B3: style 'x' is not a style number",
            "style-negative|row 3, cell B3: style '-1' is not a style number",
            "reference-without-column|row 3: cell reference '1' has no column letters (a cell reference is like B3)",
            "reference-beyond-xfd|row 3, cell 'XFE3' is beyond column XFD, the last column Excel has",
            "reference-of-another-row|row 3: cell reference 'A7' is not a cell of this row",
            "cells-out-of-order|row 3, cell B3 comes after cell Z3; the cells of a row are in column order",
            "shared-string-not-a-number|row 3, cell F3 refers to shared string 'abc', which is not an index from 0 to 67108863 (the most this reader allows)",
            "shared-string-negative|row 3, cell F3 refers to shared string '-1', which is not an index from 0 to 67108863 (the most this reader allows)",
            "shared-string-beyond-table|row 3, cell F3 refers to shared string 999, but the workbook's shared-strings table has only 35 entries"})
    void oddSheetXmlIsRejectedNamingRowAndCell(String variant, String reason) {
        Path file = HostileExports.oddSheetXml(dir.resolve(variant + ".xlsx"), variant);
        assertThat(rejected(file)).isEqualTo(variant + ".xlsx: " + reason);
    }

    @Test
    void everyOddVariantHasAnExpectedOutcome() {
        // The parameterised test above and the lower-case test below cover the whole list HostileExports offers.
        assertThat(HostileExports.ODD_SHEET_VARIANTS).hasSize(15).contains("lower-case-references");
    }

    @Test
    void lowerCaseCellReferencesAreReadAsExcelReadsThem() throws Exception {
        CollectingSink sink = read(HostileExports.oddSheetXml(dir.resolve("lower.xlsx"), "lower-case-references"));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 3L, 4L);
        assertThat(sink.rows.get(1).requestNumber()).isEqualTo("ODD-000002");
        assertThat(sink.rows.get(1).channel()).isEqualTo("PHONE");
    }

    @Test
    void aNumberWithAHugeExponentIsAValueThatIsNotACountNotABillionDigits() throws Exception {
        Path file = workbookWithRow3("<c r=\"A3\" t=\"inlineStr\"><is><t>EXP-1</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><t>05-02-2024 10:15</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>10-01-2024</t></is></c>"
                + "<c r=\"E3\" t=\"inlineStr\"><is><t>Open</t></is></c><c r=\"F3\" t=\"inlineStr\"><is><t>Chat</t></is></c>"
                + "<c r=\"G3\" t=\"inlineStr\"><is><t>Burger</t></is></c><c r=\"M3\"><v>1E999999999</v></c>");
        CollectingSink sink = read(file);
        assertThat(sink.rejects).containsExactly(new RowReject(3, "Aantal gesprekken", null,
                "Aantal gesprekken: value withheld (looks like free text) is not a whole number of 0 or more"));
        assertThat(sink.rows).hasSize(2);
    }

    @Test
    void aCellTextLongerThanAValueCanBeRejectsItsRowNotTheMemory() throws Exception {
        String huge = "Telefoon ".repeat(10_000);
        Path file = workbookWithRow3("<c r=\"A3\" t=\"inlineStr\"><is><t>LONG-1</t></is></c>"
                + "<c r=\"F3\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c>");
        CollectingSink sink = read(file);
        assertThat(sink.rejects).containsExactly(new RowReject(3, "Eerste contact", null, "A value is longer than 65536 characters"));
        assertThat(sink.rows).hasSize(2);
    }

    @Test
    void aSharedStringLongerThanAValueCanBeRejectsTheRowsThatUseIt() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "L", 3);
        Path longLabel = rewrite(file, dir.resolve("long-label.xlsx"), "xl/sharedStrings.xml",
                xml -> xml.replace(">Telefoon<", ">" + "Telefoon ".repeat(8_000) + "<"));
        CollectingSink sink = read(longLabel);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.rejects).extracting(RowReject::line).containsExactly(2L, 3L, 4L);
        assertThat(sink.rejects).allSatisfy(r -> assertThat(r).isEqualTo(new RowReject(r.line(), "Eerste contact", null,
                "A value is longer than 65536 characters")));
    }

    @Test
    void aPackageOfMoreThanAThousandPartsIsRejected() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "P", 1);
        Path many = dir.resolve("many-parts.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            for (int i = 0; i < 1_001; i++) {
                out.putNextEntry(new ZipEntry("xl/media/part" + i + ".bin"));
                out.closeEntry();
            }
        }
        assertThat(rejected(many)).isEqualTo("many-parts.xlsx: the workbook holds more than 1000 parts, as a zip bomb may;"
                + " an export holds about ten. Not read");
    }

    @Test
    void aHeaderCellLongerThanANameCanBeRejectsTheWorkbook() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "H", 1);
        Path longHeader = rewrite(file, dir.resolve("long-header.xlsx"), "xl/sharedStrings.xml",
                xml -> xml.replace(">Toelichting<", ">Toelichting " + "x".repeat(300) + "<"));
        assertThat(rejected(longHeader)).isEqualTo("long-header.xlsx: row 1, cell R1: the header is longer than 256"
                + " characters; that is not a column name");
    }

    @Test
    void aSheetThatIsNotWellFormedIsRejectedWithItsXmlPositionNotItsText() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "X", 2);
        Path broken = rewrite(file, dir.resolve("broken.xlsx"), "xl/sharedStrings.xml",
                xml -> xml.replace("<si><t xml:space=\"preserve\">Hostile Melder</t></si>", "<si><t>Hostile Melder</si>"));
        assertThat(rejected(broken)).startsWith("broken.xlsx: /xl/sharedStrings.xml is not well-formed XML (at XML line 2, column ");
    }

    @Test
    void bytesThatAreNotUtf8InAPartAreRejectedNamingThePart() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "U", 2);
        Path latin = rewriteBytes(file, dir.resolve("latin1.xlsx"), "xl/sharedStrings.xml",
                xml -> xml.replace("Hostile Melder", "Hostile M\u00E9lder").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(rejected(latin)).isEqualTo("latin1.xlsx: /xl/sharedStrings.xml holds bytes that are not valid in its"
                + " character encoding");
    }

    @Test
    void aDamagedOrTruncatedZipIsRejected() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "Z", 3);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(rejected(truncated)).isEqualTo("truncated.xlsx: not a readable XLSX workbook (not a zip package of a"
                + " workbook, or a damaged one)");

        // Flip bytes inside the compressed sheet: the zip's directory is intact, its data is not.
        byte[] damaged = bytes.clone();
        int sheet = indexOf(damaged, "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.US_ASCII)) + 40;
        for (int i = sheet; i < sheet + 200 && i < damaged.length; i++) {
            damaged[i] ^= 0x5A;
        }
        assertThat(rejected(Files.write(dir.resolve("damaged.xlsx"), damaged))).startsWith("damaged.xlsx: ");
    }

    @Test
    void aWorkbookWithoutAWorkbookPartOrSheetIsRejected() throws Exception {
        Path file = HostileExports.good(dir.resolve("base.xlsx"), "N", 1);
        Path noSheet = rewrite(file, dir.resolve("no-sheet.xlsx"), "xl/workbook.xml",
                xml -> xml.replaceAll("<sheets>.*</sheets>", "<sheets/>"));
        assertThat(rejected(noSheet)).isEqualTo("no-sheet.xlsx: the workbook has no sheet");
        Path dangling = rewrite(file, dir.resolve("dangling.xlsx"), "xl/workbook.xml", xml -> xml.replace("rId1", "rId9"));
        assertThat(rejected(dangling)).isEqualTo("dangling.xlsx: the workbook's first sheet refers to a part the package does not hold");
    }

    @Test
    void aSinkThatFailsIsNotABadFile() {
        Path file = HostileExports.good(dir.resolve("good.xlsx"), "S", 3);
        UncheckedIOException databaseGone = new UncheckedIOException(new IOException("database went away"));
        RowSink failing = new RowSink() {
            @Override
            public void accept(ExportRow row) {
                throw databaseGone;
            }

            @Override
            public void reject(RowReject reject) {
                throw databaseGone;
            }
        };
        assertThatThrownBy(() -> files.read(file, failing)).isSameAs(databaseGone);
        Path csv = HostileExports.good(dir.resolve("good.csv"), "S", 3);
        assertThatThrownBy(() -> files.read(csv, failing)).isSameAs(databaseGone);
    }

    /** The hostile set's plain workbook with row 3 replaced by the given cells (inline strings). */
    private Path workbookWithRow3(String cells) throws IOException {
        Path base = HostileExports.oddSheetXml(dir.resolve("base3.xlsx"), "lower-case-references");
        return rewrite(base, dir.resolve("row3.xlsx"), "xl/worksheets/sheet1.xml",
                xml -> xml.replaceAll("<row r=\"3\">.*?</row>", "<row r=\"3\">" + java.util.regex.Matcher.quoteReplacement(cells) + "</row>"));
    }

    private static Path rewrite(Path from, Path to, String part, java.util.function.UnaryOperator<String> change) throws IOException {
        return rewriteBytes(from, to, part, xml -> change.apply(xml).getBytes(StandardCharsets.UTF_8));
    }

    /** Copies a workbook, passing one part's text through a change. */
    private static Path rewriteBytes(Path from, Path to, String part, java.util.function.Function<String, byte[]> change)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8));
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
