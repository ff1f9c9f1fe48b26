package nl.helpline.warehouse.extract;

import static nl.helpline.warehouse.extract.TestWorkbook.STYLED_BLANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's promises for XLSX: real and text dates, numbers, blanks, sparse rows, first sheet. */
class XlsxExportTest {

    @TempDir
    Path dir;

    private final ExportFiles files = new ExportFiles(TestMappings.mapping());
    private ReadResult result;

    private static final Object[] HEADER = TestExport.HEADER.toArray();

    /** A valid closed request with typed cells, changed by (header, value) pairs. */
    private static Object[] request(Object... changes) {
        Object[] cells = {"HAL-2024-000001", LocalDateTime.of(2024, 2, 5, 10, 15), LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 1, 20), "Afgesloten", "Telefoon", "Professional", "Onderwijs",
                "Jihadisme|Complotdenken", "Is de situatie zorgelijk?", "Consultatie", null, 2,
                TestExport.REPORTER_NAME, TestExport.REPORTER_PHONE, TestExport.REPORTER_EMAIL,
                TestExport.SUBJECT_NAME, TestExport.NOTE};
        for (int i = 0; i < changes.length; i += 2) {
            cells[TestExport.HEADER.indexOf((String) changes[i])] = changes[i + 1];
        }
        return cells;
    }

    private CollectingSink read(Path file) throws IOException, FileRejectedException {
        CollectingSink sink = new CollectingSink();
        result = files.read(file, sink);
        assertThat(result.rowsRead()).isEqualTo(sink.rows.size() + sink.rejects.size());
        assertThat(result.encoding()).isEqualTo("xlsx");
        return sink;
    }

    @Test
    void realDateCellsTextDatesAndNumberCellsAreRead() throws Exception {
        Path file = TestWorkbook.xlsx()
                .row(HEADER)
                .row(request())
                .row(request("Verzoeknummer", "HAL-2", "Laatst gewijzigd", "05-02-2024 10:15", "Datum binnenkomst", "2024-01-10",
                        "Datum afgesloten", "20-1-2024", "Aantal gesprekken", "2"))
                .row(request("Verzoeknummer", 12345, "Laatst gewijzigd", LocalDateTime.of(2024, 2, 5, 0, 0),
                        "Aantal gesprekken", 3.0))
                .write(dir.resolve("dates.xlsx"));
        CollectingSink sink = read(file);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.rows).extracting(ExportRow::requestNumber, ExportRow::lastModified, ExportRow::received,
                ExportRow::closed, ExportRow::conversations).containsExactly(
                tuple("HAL-2024-000001", LocalDateTime.of(2024, 2, 5, 10, 15), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20), 2),
                tuple("HAL-2", LocalDateTime.of(2024, 2, 5, 10, 15), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20), 2),
                tuple("12345", LocalDateTime.of(2024, 2, 5, 0, 0), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 20), 3));
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aDateCellWithATimeInADayColumnIsThatDay() throws Exception {
        Path file = TestWorkbook.xlsx().row(HEADER)
                .row(request("Datum binnenkomst", LocalDateTime.of(2024, 1, 10, 23, 59)))
                .write(dir.resolve("day-with-time.xlsx"));
        assertThat(read(file).onlyRow().received()).isEqualTo(LocalDate.of(2024, 1, 10));
    }

    @Test
    void a1904WorkbookGivesTheSameDates() throws Exception {
        Path file = TestWorkbook.xlsx().date1904().row(HEADER).row(request()).write(dir.resolve("mac.xlsx"));
        try (var written = new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
            // The fixture once wrote a second workbookPr after POI's own date1904="false", and so tested nothing.
            assertThat(written.isDate1904()).isTrue();
            assertThat(written.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(45301 - 1462);
        }
        ExportRow row = read(file).onlyRow();
        assertThat(row.received()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(row.lastModified()).isEqualTo(LocalDateTime.of(2024, 2, 5, 10, 15));
    }

    @Test
    void blankAndMissingCellsAreEmptyValues() throws Exception {
        Path file = TestWorkbook.xlsx().row(HEADER)
                .row(request("Werkterrein", null, "Verschijningsvormen", "", "Aantal gesprekken", null, "Hulpvragen", "  "))
                .row(request("Verzoeknummer", null))
                .write(dir.resolve("blanks.xlsx"));
        CollectingSink sink = read(file);
        ExportRow row = sink.rows.get(0);
        assertThat(row.workDomain()).isEqualTo("UNKNOWN");
        assertThat(row.phenomena()).isEmpty();
        assertThat(row.helpQuestions()).isEmpty();
        assertThat(row.conversations()).isNull();
        assertThat(sink.rejects).containsExactly(new RowReject(3, "Verzoeknummer", null, "Verzoeknummer is required but empty"));
    }

    @Test
    void sparseRowsEmptyRowsAndAHeaderBelowRowOneKeepExcelRowNumbers() throws Exception {
        Object[] sparse = new Object[18];
        sparse[0] = "HAL-9";
        sparse[1] = "05-02-2024 10:15";
        sparse[2] = "10-01-2024";
        sparse[4] = "Open";
        sparse[5] = "Chat";
        sparse[6] = "Burger";
        Object[] formattedOnly = {STYLED_BLANK, STYLED_BLANK, null, STYLED_BLANK};
        Path file = TestWorkbook.xlsx()
                .rowAt(2, formattedOnly)
                .rowAt(3, HEADER)
                .rowAt(4, request())
                .rowAt(7, sparse)
                .rowAt(8, formattedOnly)
                .rowAt(9, request("Eerste contact", "Postduif"))
                .rowAt(12, formattedOnly)
                .write(dir.resolve("sparse.xlsx"));
        CollectingSink sink = read(file);
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(4L, 7L);
        assertThat(sink.rows.get(1).channel()).isEqualTo("CHAT");
        assertThat(sink.rejects).extracting(RowReject::line, RowReject::column).containsExactly(tuple(9L, "Eerste contact"));
        assertThat(result.rowsRead()).isEqualTo(3);
    }

    @Test
    void headersMatchInAnyOrderAndCaseAndExtraColumnsAreReported() throws Exception {
        List<String> header = new ArrayList<>(TestExport.HEADER);
        header.set(header.indexOf("Status"), " sTaTuS ");
        header.add(3, "Behandelaar");
        List<Object> cells = new ArrayList<>(Arrays.asList(request()));
        cells.add(3, "M. de Vries");
        Path file = TestWorkbook.xlsx().row(header.toArray()).row(cells.toArray()).write(dir.resolve("order.xlsx"));
        ExportRow read = read(file).onlyRow();
        assertThat(read.status()).isEqualTo("CLOSED");
        assertThat(result.ignoredColumns()).containsExactly("Behandelaar");
    }

    @Test
    void onlyTheFirstSheetIsRead() throws Exception {
        Path file = TestWorkbook.xlsx().row(HEADER).row(request())
                .otherSheet(new Object[] {"Iets anders"}, new Object[] {"onzin"})
                .write(dir.resolve("sheets.xlsx"));
        assertThat(read(file).rows).hasSize(1);
    }

    @Test
    void aHeaderOnlyWorkbookHasNoRows() throws Exception {
        assertThat(read(TestWorkbook.xlsx().row(HEADER).write(dir.resolve("empty.xlsx"))).rows).isEmpty();
        assertThat(result.rowsRead()).isZero();
    }

    @Test
    void anEmptySheetIsRejected() {
        Path file = TestWorkbook.xlsx().write(dir.resolve("nothing.xlsx"));
        assertThatThrownBy(() -> read(file)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("nothing.xlsx").hasMessageContaining("empty");
    }

    @Test
    void aMissingRequiredColumnOrARepeatedHeaderRejectsTheWorkbook() {
        Object[] noStatus = TestExport.HEADER.stream().filter(h -> !h.equals("Status")).toArray();
        Path missing = TestWorkbook.xlsx().row(noStatus).row(request()).write(dir.resolve("no-status.xlsx"));
        assertThatThrownBy(() -> read(missing)).isInstanceOf(FileRejectedException.class)
                .hasMessage("no-status.xlsx: required column missing: Status");

        List<Object> twice = new ArrayList<>(TestExport.HEADER);
        twice.add("VERZOEKNUMMER");
        Path repeated = TestWorkbook.xlsx().row(twice.toArray()).write(dir.resolve("twice.xlsx"));
        assertThatThrownBy(() -> read(repeated)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("'VERZOEKNUMMER' twice");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRejected() throws Exception {
        Path text = Files.writeString(dir.resolve("renamed.xlsx"), "Verzoeknummer;Status\r\n");
        assertThatThrownBy(() -> read(text)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("renamed.xlsx");
        Path empty = Files.write(dir.resolve("zero.xlsx"), new byte[0]);
        assertThatThrownBy(() -> read(empty)).isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("zero.xlsx");
    }

    @Test
    void rowRulesAreTheSameAsForCsv() throws Exception {
        Path file = TestWorkbook.xlsx().row(HEADER)
                .row(request("Datum afgesloten", LocalDate.of(2024, 1, 5)))
                .row(request("Aantal gesprekken", 2.5))
                .row(request("Aantal gesprekken", -1))
                .row(request("Opvolging", "Aanvullende ondersteuning", "Aanvullende ondersteuning", "GGZ consultatie|Forsa"))
                .row(request("Type aanvrager", "Burger", "Eerste contact", "Email"))
                .write(dir.resolve("rules.xlsx"));
        CollectingSink sink = read(file);
        assertThat(sink.rejects).containsExactly(
                new RowReject(2, "Datum afgesloten", "2024-01-05", "Datum afgesloten 2024-01-05 is before Datum binnenkomst 2024-01-10"),
                new RowReject(3, "Aantal gesprekken", "2.5", "Aantal gesprekken '2.5' is not a whole number of 0 or more"),
                new RowReject(4, "Aantal gesprekken", "-1", "Aantal gesprekken '-1' is not a whole number of 0 or more"));
        assertThat(sink.rows).extracting(ExportRow::line).containsExactly(5L, 6L);
        assertThat(sink.rows.get(0).additionalSupport()).containsExactly("MENTAL_HEALTH", "FORSA");
        assertThat(sink.rows.get(1).workDomain()).isEqualTo("NOT_APPLICABLE");
        assertThat(sink.rows.get(1).channel()).isEqualTo("EMAIL");
    }
}
