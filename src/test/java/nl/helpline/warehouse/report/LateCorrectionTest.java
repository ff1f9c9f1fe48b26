package nl.helpline.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedRequest;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/** Writing a published period again after late corrections says which cells changed, on screen and in the workbook. */
class LateCorrectionTest {

    @TempDir
    Path work;

    @Test
    void aRepublishedPeriodListsTheCellsThatChanged() throws Exception {
        Path inbox = work.resolve("inbox");
        GeneratorSpec spec = GeneratorSpec.of(450, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).withSeed(23);
        List<GeneratedRequest> truth = ExportGenerator.generate(spec, inbox).truth().toList();
        TestDatabase db = TestDatabase.create();
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);
        Cli.Result first = Cli.run(db, "report", "--period", "2024-H1", "--out", work.resolve("first").toString());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);

        // Ten closed phone requests of H1 turn out to have come in by e-mail.
        List<GeneratedRequest> corrected = truth.stream()
                .filter(r -> r.status().equals("CLOSED") && r.channel().equals("PHONE") && r.received().isBefore(LocalDate.of(2024, 7, 1)))
                .limit(10).toList();
        assertThat(corrected).hasSize(10);
        ExportCsv correction = ExportCsv.create();
        for (GeneratedRequest r : corrected) {
            correction.add(ExportCsv.row(r.requestNumber(), "2025-02-01T10:00")
                    .set("Datum binnenkomst", r.received().toString())
                    .set("Datum afgesloten", r.closed().toString())
                    .set("Eerste contact", "E-mail")
                    .set("Type aanvrager", r.requesterType().equals("PROFESSIONAL") ? "Professional" : "Burger")
                    .set("Werkterrein", ExportCsv.workDomainLabel(r.workDomain()))
                    .set("Opvolging", r.followUp().equals("ADDITIONAL") ? "Aanvullende ondersteuning" : "Consultatie")
                    .set("Aanvullende ondersteuning", String.join("|", r.additionalSupport().stream().map(ExportCsv::supportLabel).toList())));
        }
        correction.write(inbox.resolve("correction-2025-02-01.csv"));
        Cli.Result reload = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(ExitCode.OK);

        Cli.Result second = Cli.run(db, "report", "--period", "2024-H1", "--out", work.resolve("second").toString());
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("Changed since the previous publication of this period")
                .containsPattern("first_contact PHONE: \\d+ -> \\d+")
                .containsPattern("first_contact EMAIL: \\d+ -> \\d+");
        assertThat(notesText(work.resolve("second/helpline-2024-H1.nl.concept.xlsx"))).containsPattern("Medium van eerste contact \\(Tabel_3\\), Telefoon: \\d+ → \\d+")
                .as("labels, not the contract's codes, in a Dutch book").doesNotContain("PHONE");
        assertThat(Files.readAllBytes(work.resolve("second/helpline-2024-H1.nl.concept.xlsx")))
                .isNotEqualTo(Files.readAllBytes(work.resolve("first/helpline-2024-H1.nl.concept.xlsx")));
    }


    private static String notesText(Path xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet notes = workbook.getSheet("Toelichting");
            for (Row row : notes) {
                for (Cell cell : row) {
                    text.append(cell.toString()).append(' ');
                }
            }
        }
        return text.toString();
    }
}
