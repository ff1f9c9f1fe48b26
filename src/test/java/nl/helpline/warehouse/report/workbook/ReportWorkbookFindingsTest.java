package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * The findings of the workbook review, read back with POI from workbooks the real command writes
 * from a real warehouse: the provisional mark follows the open requests, "data as of" is the
 * period's own newest change (recomputed here from the generator's records), a load that touches
 * only another period leaves the workbook's bytes alone, and the infographic is drawn from the
 * report's cells.csv.
 */
class ReportWorkbookFindingsTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.of(300, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withSeed(41).withFiles(2).withBadRowRate(0);
    private static final LocalDate H1_START = LocalDate.of(2024, 1, 1);
    private static final LocalDate H1_END = LocalDate.of(2024, 6, 30);

    @TempDir
    static Path work;
    static TestDatabase db;
    static List<GeneratedRequest> truth;

    @BeforeAll
    static void load() throws Exception {
        Path inbox = work.resolve("inbox");
        truth = ExportGenerator.generate(SPEC, inbox).truth().toList();
        db = TestDatabase.create();
        Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(load.exitCode()).as(load.toString()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);
    }

    private static boolean inH1Population(GeneratedRequest r) {
        return !r.channel().equals("CHAT") && !r.received().isBefore(H1_START) && !r.received().isAfter(H1_END);
    }

    @Test
    void theHalfYearsWorkbookAsAReaderSeesIt() throws Exception {
        Path out = work.resolve("h1");
        Cli.Result report = Cli.run(db, "report", "--period", "2024-H1", "--out", out.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
        boolean open = truth.stream().anyMatch(r -> inH1Population(r) && (r.status().equals("OPEN") || r.status().equals("IN_PROGRESS")));
        assertThat(open).as("the generated half-year has open requests (2023 below has none)").isTrue();
        LocalDateTime newest = truth.stream().filter(r -> inH1Population(r) && r.status().equals("CLOSED"))
                .map(GeneratedRequest::lastModified).max(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime newestAnywhere = truth.stream().map(GeneratedRequest::lastModified).max(LocalDateTime::compareTo).orElseThrow();
        assertThat(newestAnywhere).as("the data have later changes outside the period, so the test can tell").isAfter(newest);

        try (XSSFWorkbook wb = Xlsx.open(Files.readAllBytes(out.resolve("helpline-2024-H1.nl.concept.xlsx")))) {
            String cover = text(wb.getSheet("Voorblad"));
            assertThat(cover).contains("Hulp- en advieslijn — afgesloten verzoeken, eerste halfjaar 2024",
                    "CONCEPT — intern werkdocument, niet verspreiden",
                    "De nieuwste wijziging van een verzoek in deze cijfers is van "
                            + DateTimeFormatter.ofPattern("d MMMM uuuu 'om' HH:mm", Locale.forLanguageTag("nl-NL")).format(newest) + ".",
                    "Sinds april 2024 is het LSE ook bereikbaar via een anonieme chatdienst",
                    "Telefoon: 088 – 20 80 080", "E-mail: info@hetlse.nl");
            assertThat(cover).doesNotContain("2024-H1", "Rapportdefinitie", "exportbestanden");
            assertThat(cover.contains("Voorlopige cijfers [p]")).as("provisional exactly when requests are open").isEqualTo(open);
            assertThat(wb.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty()).hasValue("nl-NL");
            assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("Landelijk Steunpunt Extremisme (LSE)");

            List<String> titles = new ArrayList<>();
            for (int i = 1; wb.getSheet("Tabel_" + i) != null; i++) {
                XSSFSheet sheet = wb.getSheet("Tabel_" + i);
                String title = sheet.getRow(0).getCell(0).getStringCellValue();
                titles.add(title);
                assertThat(title).contains(", eerste halfjaar 2024" + (open ? " [p]" : ""));
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).containsPattern("Basis \\(n\\): (\\d+|< 5|\\[c\\])");
                XSSFTable table = sheet.getTables().get(0);
                assertThat(columns(sheet, table)).containsExactly("Categorie", "Aantal", "Percentage", "Basis (n)", "Status");
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    XSSFRow row = sheet.getRow(r);
                    XSSFCell percent = row.getCell(2);
                    if (percent.getCellType() == CellType.STRING) {
                        assertThat(percent.getStringCellValue()).as(title).isIn("[c]", "[z]");
                    }
                    assertThat(row.getCell(3).toString()).as("the base in every row").isNotBlank();
                    assertThat(row.getCell(0).getStringCellValue()).as("labels, not codes").doesNotMatch("[A-Z_]+");
                }
            }
            assertThat(titles).hasSize(8);
            // the base of the work domains is the professionals, of additional support those who had it
            assertThat(wb.getSheet("Tabel_4").getRow(1).getCell(0).getStringCellValue()).contains("van professionals");
            XSSFSheet notes = wb.getSheet("Toelichting");
            String notesText = text(notes);
            assertThat(notesText).doesNotContain("Geslaagd. Geslaagd.", "publication", "2024-Q").contains("Geslaagd. ");
            for (int n = 1; notesText.contains("[noot " + n + "]"); n++) {
                String ref = "[noot " + n + "]";
                assertThat(titles).as(ref + " is referred to").anyMatch(t -> t.contains(ref));
            }
            assertThat(notesText).contains("Consultatie: het geven van advies binnen een tot drie gesprekken",
                    "De categorieën zijn gebaseerd op de eerste informatie", "niet gerangschikt", "GGZ-consultatie: ");
        }

        // The infographic of this report, from its cells.csv: its total is the workbook's.
        String total = Files.readAllLines(out.resolve("helpline-2024-H1.nl.concept.cells.csv")).get(1).split(",")[3];
        Cli.Result infographic = Cli.run("infographic", "--period", "2024-H1", "--outbox", out.toString());
        assertThat(infographic.exitCode()).as(infographic.toString()).isEqualTo(ExitCode.OK);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("helpline-2024-H1.nl.concept.infographic.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(total + "\n").contains("CONCEPT");
            assertThat(text.contains("[p]")).isEqualTo(open);
        }
    }

    @Test
    void nothingSuppressedSaysSoAndAnEmptyPeriodIsNotProvisional() throws Exception {
        // One closed chat request received on the last day of 2023: the warehouse's data reach into
        // 2023 (a period wholly outside them is refused), but the report's population (chat
        // excluded) is empty and nothing in it is open.
        Path inbox = work.resolve("inbox-2023");
        ExportCsv.create().add(ExportCsv.row("HAL-2023-000001", "2024-01-02T09:00").set("Datum binnenkomst", "2023-12-31")
                .set("Datum afgesloten", "2024-01-02").set("Eerste contact", "Chat")).write(inbox.resolve("chat-2023.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        Path out = work.resolve("2023");
        Cli.Result report = Cli.run(db, "report", "--period", "2023", "--lang", "en", "--out", out.toString());
        assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.OK);
        try (XSSFWorkbook wb = Xlsx.open(Files.readAllBytes(out.resolve("helpline-2023.en.concept.xlsx")))) {
            String notes = text(wb.getSheet("Notes"));
            assertThat(notes).contains("Passed. Nothing needed suppressing: no count in this workbook is between 1 and 4.")
                    .doesNotContain("Passed. Passed.", "anything from");
            assertThat(text(wb.getSheet("Cover_sheet"))).doesNotContain("Provisional", "newest change")
                    .contains("2023: 1 January 2023 to 31 December 2023.", "This period holds no requests (yet)");
            assertThat(wb.getSheet("Table_2").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Professional versus not professional, 2023 [note 1]");
            assertThat(wb.getProperties().getCoreProperties().getUnderlyingProperties().getLanguageProperty()).hasValue("en-GB");
        }
    }

    @Test
    void aChangeToAnotherPeriodLeavesTheWorkbookByteForByte() throws Exception {
        Cli.Result first = Cli.run(db, "report", "--period", "2024-Q1", "--out", work.resolve("q1-a").toString());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        // A request received in November, changed long after everything else: the newest change in the warehouse.
        Path inbox = work.resolve("inbox-late");
        ExportCsv.create().add(ExportCsv.row("HAL-2024-999999", "2026-03-01T09:00")
                .set("Datum binnenkomst", "2024-11-20").set("Datum afgesloten", "2024-12-01")).write(inbox.resolve("late.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(db.jdbc().queryForObject("SELECT max(last_modified) FROM dw.fact_request", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2026, 3, 1, 9, 0));

        Cli.Result again = Cli.run(db, "report", "--period", "2024-Q1", "--out", work.resolve("q1-b").toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(work.resolve("q1-b/helpline-2024-Q1.nl.concept.xlsx")))
                .as("'data as of' is the period's, so the Q1 workbook did not change")
                .isEqualTo(Files.readAllBytes(work.resolve("q1-a/helpline-2024-Q1.nl.concept.xlsx")));
        try (XSSFWorkbook wb = Xlsx.open(Files.readAllBytes(work.resolve("q1-b/helpline-2024-Q1.nl.concept.xlsx")))) {
            assertThat(text(wb.getSheet("Voorblad"))).doesNotContain("2026").contains("eerste kwartaal 2024");
        }
    }

    private static List<String> columns(XSSFSheet sheet, XSSFTable table) {
        List<String> names = new ArrayList<>();
        sheet.getRow(table.getStartRowIndex()).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(c -> text.append(c.toString()).append('\n')));
        return text.toString();
    }
}
