package nl.helpline.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large workbook streams through with every row accounted for, with inline strings (what
 * streaming writers produce) and with a shared-strings table (what Excel produces). Prints the
 * read rate; timing is not asserted. Scale it with {@code -Dextract.xlsx.rows=1000000}.
 */
class XlsxStreamingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "shared strings: {0}")
    @ValueSource(booleans = {false, true})
    void aLargeWorkbookStreamsWithEveryRowAccountedFor(boolean sharedStrings) throws Exception {
        int rows = Integer.getInteger("extract.xlsx.rows", 50_000);
        Path file = dir.resolve(sharedStrings ? "shared.xlsx" : "inline.xlsx");
        int expectedRejects = write(file, rows, sharedStrings);

        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        ReadResult result = new ExportFiles(TestMappings.mapping()).read(file, sink);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.rowsRead()).isEqualTo(rows);
        assertThat(sink.rejected).isEqualTo(expectedRejects);
        assertThat(sink.accepted + sink.rejected).isEqualTo(rows);
        System.out.printf("XLSX (%s): %,d rows (%,d KB) in %.2f s = %,.0f rows/s%n",
                sharedStrings ? "shared strings" : "inline strings", rows, Files.size(file) >> 10, seconds, rows / seconds);
    }

    /** Every 1000th row has an unknown channel; returns how many rows that is. */
    private static int write(Path file, int rows, boolean sharedStrings) throws IOException {
        int rejects = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, sharedStrings)) {
            TestWorkbook.Styles styles = new TestWorkbook.Styles(workbook);
            Sheet sheet = workbook.createSheet("Export");
            TestWorkbook.fill(sheet.createRow(0), TestExport.HEADER.toArray(), styles);
            for (int i = 0; i < rows; i++) {
                boolean bad = i % 1000 == 999;
                rejects += bad ? 1 : 0;
                boolean closed = i % 3 != 0;
                int day = 1 + i % 28;
                Row row = sheet.createRow(i + 1);
                TestWorkbook.fill(row, new Object[] {
                        "HAL-2024-" + String.format("%07d", i),
                        LocalDateTime.of(2024, 3, day, 10 + i % 10, 30),
                        i % 2 == 0 ? LocalDate.of(2024, 2, day) : String.format("%02d-02-2024", day),
                        closed ? LocalDate.of(2024, 3, day) : null,
                        closed ? "Afgesloten" : "In behandeling",
                        bad ? "Postduif" : (i % 2 == 0 ? "Telefoon" : "E-mail"),
                        i % 4 == 0 ? "Burger" : "Professional",
                        i % 4 == 0 ? null : "Onderwijs",
                        "Jihadisme|Complotdenken",
                        "Is de situatie zorgelijk?",
                        closed ? "Consultatie" : null,
                        null,
                        i % 7,
                        "Naam " + i, "06" + (10_000_000 + i), "melder" + i + "@example.nl", "Betrokkene " + i,
                        "Toelichting bij verzoek " + i + " met wat meer tekst zoals een echte toelichting heeft"}, styles);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return rejects;
    }
}
