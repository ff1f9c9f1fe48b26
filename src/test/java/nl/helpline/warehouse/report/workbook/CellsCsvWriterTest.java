package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellsCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryCellWithEmptyValuesWhereSuppressed() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        Path csv = dir.resolve(CellsCsvWriter.fileName(doc));
        CellsCsvWriter.write(doc, csv);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(csv.getFileName().toString()).isEqualTo("infographic-2024-H1.cells.csv");
        assertThat(text).startsWith("table,category,label,count,percent,status\r\n").endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).contains(
                "total,TOTAL,Totaal,91,,published",
                "requester,PROFESSIONAL,Professional,63,69.2,published",
                "requester,CITIZEN,Burger,28,30.8,published",
                "first_contact,PHONE,Telefoon,59,64.8,published",
                "first_contact,OTHER,Anders (persoonlijk of anders),5,5.5,published",
                "work_domain,MUNICIPALITY,Gemeente,,,secondary",
                "work_domain,YOUTH,Jeugd,,,primary",
                "phenomenon,LEFT_WING,Links-extremisme,,,primary",
                "follow_up,CONSULTATION,Consultatie,61,67.0,published",
                "additional_support,LIV,Landelijk Interventieteam Vreemdelingenketen (LIV),,,primary");
        int cells = doc.tables().stream().mapToInt(t -> t.rows().size()).sum();
        assertThat(lines).hasSize(1 + cells);
        assertThat(text).as("no byte-order mark").doesNotStartWith("\uFEFF");
    }

    @Test
    void labelsFollowTheLanguage() throws Exception {
        String text = new String(CellsCsvWriter.toBytes(SampleReports.infographic2024H1(Language.EN).doc()), StandardCharsets.UTF_8);
        assertThat(text).contains("requester,CITIZEN,Citizen,28,30.8,published\r\n")
                .contains("work_domain,YOUTH,Youth services,,,primary\r\n");
    }

    @Test
    void quotesPerRfc4180AndWritesUtf8() {
        PublishedTable t = new PublishedTable("t", "T", "b", List.of(), true, List.of(
                PublishedCell.published("A", "Zorg, welzijn", 12, 4.45),
                PublishedCell.published("B", "De \"vraag\"", 7, 100.0),
                PublishedCell.published("C", "twee\nregels", 0, 0.0),
                PublishedCell.published("D", "Coördinatie", 1234567, 12.34999),
                PublishedCell.secondary("E", "Anders")));
        ReportDocument doc = new ReportDocument("d", "T", "2024-H1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                "p", Language.NL, "c", "s", LocalDateTime.of(2024, 7, 1, 0, 0), List.of(), List.of(t),
                new AuditStatement(true, "ok"), List.of(), List.of());
        assertThat(new String(CellsCsvWriter.toBytes(doc), StandardCharsets.UTF_8)).isEqualTo(
                "table,category,label,count,percent,status\r\n"
                        + "t,A,\"Zorg, welzijn\",12,4.5,published\r\n"     // half-up: 4.45 -> 4.5
                        + "t,B,\"De \"\"vraag\"\"\",7,100.0,published\r\n"
                        + "t,C,\"twee\nregels\",0,0.0,published\r\n"
                        + "t,D,Coördinatie,1234567,12.3,published\r\n"
                        + "t,E,Anders,,,secondary\r\n");
    }

    @Test
    void theSameModelGivesTheSameBytesAndTheFileIsReadableByOthers() throws Exception {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        Path a = dir.resolve("a.csv");
        CellsCsvWriter.write(doc, a);
        CellsCsvWriter.write(doc, a);   // replaces
        assertThat(Files.readAllBytes(a)).isEqualTo(CellsCsvWriter.toBytes(SampleReports.national(Language.NL).doc()));
        assertThat(Files.getPosixFilePermissions(a)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(a);
        }
    }
}
