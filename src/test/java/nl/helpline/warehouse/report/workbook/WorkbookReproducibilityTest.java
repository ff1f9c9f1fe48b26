package nl.helpline.warehouse.report.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same model gives the same bytes: on another day, in another JVM, time zone, locale or encoding. */
class WorkbookReproducibilityTest {

    private static final int T = SampleReports.THRESHOLD;

    @TempDir
    Path dir;

    @Test
    void writingTheSameModelTwiceGivesIdenticalBytes() throws Exception {
        for (Language lang : Language.values()) {
            Path a = dir.resolve("a-" + lang + ".xlsx");
            Path b = dir.resolve("b-" + lang + ".xlsx");
            WorkbookWriter.write(SampleReports.infographic2024H1(lang).doc(), T, a);
            Thread.sleep(2100);   // zip timestamps have a resolution of two seconds
            WorkbookWriter.write(SampleReports.infographic2024H1(lang).doc(), T, b);
            assertThat(Arrays.equals(Files.readAllBytes(b), Files.readAllBytes(a))).as(lang.name()).isTrue();
        }
    }

    @Test
    void everyEntryIsStampedWithTheDataAsOfTimeAndNothingElse() throws Exception {
        ReportDocument doc = SampleReports.national(Language.NL).doc();   // as of 2025-01-15 23:59:58
        byte[] xlsx = WorkbookWriter.toBytes(doc, T);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(2025, 1, 15, 23, 59, 58));
                assertThat(entry.getExtra()).as("no extra fields (extended timestamps)").isNull();
                assertThat(entry.getLastModifiedTime().toMillis()).isEqualTo(entry.getTime());
            }
        }
        assertThat(names.get(0)).isEqualTo("[Content_Types].xml");
        assertThat(Xlsx.parts(xlsx).get("docProps/core.xml"))
                .contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-15T22:59:58Z</dcterms:created>")
                .contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-01-15T22:59:58Z</dcterms:modified>");
    }

    @Test
    void theDocumentDatesFollowTheData() throws Exception {
        ReportDocument d = SampleReports.national(Language.NL).doc();
        ReportDocument later = new ReportDocument(d.definitionName(), d.title(), d.period(), d.periodStart(), d.periodEnd(),
                d.population(), d.lang(), d.contact(), d.sourceSummary(), d.dataAsOf().plusDays(1), d.notes(), d.tables(),
                d.audit(), d.changesSincePrevious(), d.charts(), d.publication());
        assertThat(Xlsx.parts(WorkbookWriter.toBytes(later, T)).get("docProps/core.xml")).contains("2025-01-16T22:59:58Z");
    }

    @Test
    void anotherJvmWithAnotherTimeZoneLocaleAndEncodingWritesTheSameBytes() throws Exception {
        Path here = dir.resolve("here");
        Files.createDirectories(here);
        SampleWorkbookMain.main(new String[] {here.toString()});

        Path there = dir.resolve("there");
        Files.createDirectories(there);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java,
                "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1",
                "-cp", System.getProperty("java.class.path"),
                SampleWorkbookMain.class.getName(), there.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        List<String> files;
        try (var list = Files.list(here)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(8);
        for (String name : files) {
            byte[] expected = Files.readAllBytes(here.resolve(name));
            byte[] actual = Files.readAllBytes(there.resolve(name));
            if (name.endsWith(".xlsx")) {
                // name the differing part first: far more useful than two byte arrays
                assertThat(Xlsx.parts(actual)).as(name).isEqualTo(Xlsx.parts(expected));
            }
            assertThat(Arrays.equals(actual, expected)).as(name + " byte for byte").isTrue();
        }
    }
}
