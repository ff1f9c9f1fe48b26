package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.report.PublicationState;

class CellsCsvWriterTest {

    private static final int T = SampleReports.THRESHOLD;
    private static final String H1 = ",2024-01-01,2024-06-30,nl,0,,";

    @TempDir
    Path dir;

    @Test
    void writesEveryCellWithEmptyValuesWhereSuppressedAndWhatReadersSee() throws Exception {
        ReportDocument doc = SampleReports.infographic2024H1(Language.NL).doc();
        Path csv = dir.resolve("cells.csv");
        CellsCsvWriter.write(doc, T, csv);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("table,category,label,count,percent,status,shown,base,table_title,period_start,period_end,"
                + "lang,version,released_on,revised,provisional\r\n").endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).contains(
                "total,TOTAL,Totaal,91,,published,91,91,Totaal aantal afgesloten verzoeken" + H1 + "false,false",
                "requester,PROFESSIONAL,Professional,63,69.2,published,63,91,Type aanvrager" + H1 + "false,false",
                "requester,CITIZEN,Niet-professional (burger),28,30.8,published,28,91,Type aanvrager" + H1 + "false,false",
                "first_contact,PHONE,Telefoon,59,64.8,published,59,91,Medium van eerste contact" + H1 + "false,false",
                "work_domain,MUNICIPALITY,Gemeente,,,secondary,[c],63,Werkterreinen van professionals" + H1 + "false,false",
                "work_domain,YOUTH,Jeugd,,,primary,< 5,63,Werkterreinen van professionals" + H1 + "false,false",
                "phenomenon,LEFT_WING,Links-extremisme,,,primary,< 5,91,Verschijningsvormen" + H1 + "false,false",
                "follow_up,CONSULTATION,Consultatie,61,67.0,published,61,91,Opvolging" + H1 + "false,false",
                "additional_support,LIV,Landelijk Interventieteam Vreemdelingenketen (LIV),,,primary,< 5,30,"
                        + "Aanvullende ondersteuning" + H1 + "false,false");
        int cells = doc.tables().stream().mapToInt(t -> t.rows().size()).sum();
        assertThat(lines).hasSize(1 + cells);
        assertThat(text).as("no byte-order mark").doesNotStartWith("\uFEFF");
    }

    @Test
    void aReleaseSaysItsVersionDateRevisedCellsAndProvisionalFigures() {
        PublicationState release = new PublicationState(PublicationState.Kind.RELEASE, 3, LocalDate.of(2024, 8, 1),
                Set.of("requester.CITIZEN"), true, LocalDate.of(2024, 9, 1));
        ReportDocument doc = SampleReports.infographic2024H1(Language.EN, release).doc();
        String text = new String(CellsCsvWriter.toBytes(doc, T), StandardCharsets.UTF_8);
        assertThat(text).contains("requester,CITIZEN,Not professional (citizen),28,30.8,published,28,91,Type of requester,"
                        + "2024-01-01,2024-06-30,en,3,2024-08-01,true,true\r\n")
                .contains("requester,PROFESSIONAL,Professional,63,69.2,published,63,91,Type of requester,"
                        + "2024-01-01,2024-06-30,en,3,2024-08-01,false,true\r\n")
                .contains("work_domain,YOUTH,Youth services,,,primary,< 5,63,");
    }

    @Test
    void aWithheldBaseIsShownAsItsSignNeverAsANumber() {
        PublishedTable total = new PublishedTable("total", "Totaal", "b", "total.TOTAL", List.of(), false,
                List.of(PublishedCell.secondary("TOTAL", "Totaal")));
        PublishedTable t = new PublishedTable("t", "T", "b", "total.TOTAL", List.of(), false, List.of(
                PublishedCell.published("A", "a", 12, null), PublishedCell.primary("B", "b")));
        ReportDocument doc = new ReportDocument("d", "T", "2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                "p", Language.NL, SampleReports.LSE, "s", LocalDateTime.of(2025, 1, 1, 0, 0), List.of(), List.of(total, t),
                new AuditStatement(true, "ok"), List.of(), List.of(), PublicationState.draft(false, null));
        assertThat(new String(CellsCsvWriter.toBytes(doc, T), StandardCharsets.UTF_8))
                .contains("t,A,a,12,,published,12,[c],T,").contains("t,B,b,,,primary,< 5,[c],T,");
    }

    @Test
    void quotesPerRfc4180AndWritesUtf8() {
        PublishedTable t = new PublishedTable("t", "T", "b", "t.D", List.of(), true, List.of(
                PublishedCell.published("A", "Zorg, welzijn", 12, 4.45),
                PublishedCell.published("B", "De \"vraag\"", 7, 100.0),
                PublishedCell.published("C", "twee\nregels", 0, 0.0),
                PublishedCell.published("D", "Coördinatie", 1234567, 12.34999),
                PublishedCell.secondary("E", "Anders")));
        ReportDocument doc = new ReportDocument("d", "T", "2024-H1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                "p", Language.NL, SampleReports.LSE, "s", LocalDateTime.of(2024, 7, 1, 0, 0), List.of(), List.of(t),
                new AuditStatement(true, "ok"), List.of(), List.of(), PublicationState.draft(false, null));
        String rest = ",1234567,T" + H1 + "false,false\r\n";
        assertThat(new String(CellsCsvWriter.toBytes(doc, T), StandardCharsets.UTF_8)).isEqualTo(
                CellsCsvWriter.HEADER + "\r\n"
                        + "t,A,\"Zorg, welzijn\",12,4.5,published,12" + rest     // half-up: 4.45 -> 4.5
                        + "t,B,\"De \"\"vraag\"\"\",7,100.0,published,7" + rest
                        + "t,C,\"twee\nregels\",0,0.0,published,0" + rest
                        + "t,D,Coördinatie,1234567,12.3,published,1234567" + rest
                        + "t,E,Anders,,,secondary,[c]" + rest);
    }

    @Test
    void theSameModelGivesTheSameBytesAndTheFileIsReadableByOthers() throws Exception {
        ReportDocument doc = SampleReports.national(Language.NL).doc();
        Path a = dir.resolve("a.csv");
        CellsCsvWriter.write(doc, T, a);
        CellsCsvWriter.write(doc, T, a);   // replaces
        assertThat(Files.readAllBytes(a)).isEqualTo(CellsCsvWriter.toBytes(SampleReports.national(Language.NL).doc(), T));
        assertThat(Files.getPosixFilePermissions(a)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(a);
        }
    }
}
