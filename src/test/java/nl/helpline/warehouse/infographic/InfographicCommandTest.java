package nl.helpline.warehouse.infographic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.report.PublicationState;
import nl.helpline.warehouse.report.workbook.CellsCsvWriter;
import nl.helpline.warehouse.report.workbook.Language;
import nl.helpline.warehouse.report.workbook.SampleReports;
import nl.helpline.warehouse.support.Cli;

/**
 * The command finds the newest release of a period in the outbox (never a draft over a release, never
 * a file whose content does not match what it is asked for), and refuses what it cannot trust.
 */
class InfographicCommandTest {

    private static final int T = SampleReports.THRESHOLD;

    @TempDir
    static Path outbox;

    @BeforeAll
    static void anOutboxWithADraftTwoReleasesAnEnglishOneAndADamagedOne() throws Exception {
        write("helpline-2024-H1.nl.concept.cells.csv", Language.NL, PublicationState.draft(true, null));
        write("helpline-2024-H1.v1.nl.cells.csv", Language.NL, release(1));
        write("helpline-2024-H1.v2.nl.cells.csv", Language.NL, release(2));
        write("helpline-2024-H1.v3.en.cells.csv", Language.EN, release(3));
        // A "version 9" whose withheld Jeugd carries its count: skipped, the next best is used.
        Path damaged = write("helpline-2024-H1.v9.nl.cells.csv", Language.NL, release(9));
        Files.writeString(damaged, Files.readString(damaged).replace("work_domain,YOUTH,Jeugd,,,primary", "work_domain,YOUTH,Jeugd,3,,primary"));
        // A file named version 8 that holds version 1: a name and content that disagree are not trusted.
        Files.copy(outbox.resolve("helpline-2024-H1.v1.nl.cells.csv"), outbox.resolve("helpline-2024-H1.v8.nl.cells.csv"));
    }

    private static PublicationState release(int version) {
        return new PublicationState(PublicationState.Kind.RELEASE, version, LocalDate.of(2024, 7, version), Set.of(), false, null);
    }

    private static Path write(String name, Language lang, PublicationState state) throws Exception {
        Path file = outbox.resolve(name);
        CellsCsvWriter.write(SampleReports.infographic2024H1(lang, state).doc(), T, file);
        return file;
    }

    @Test
    void theNewestValidReleaseOfThePeriodAndLanguageIsDrawn(@TempDir Path out) throws Exception {
        Cli.Result nl = Cli.run("infographic", "--period", "2024-H1", "--outbox", outbox.toString(), "--out", out.toString());
        assertThat(nl.exitCode()).as(nl.toString()).isEqualTo(ExitCode.OK);
        assertThat(nl.out()).contains("helpline-2024-H1.v2.nl.cells.csv (version 2)");
        assertThat(files(out)).containsExactlyInAnyOrder("helpline-2024-H1.v2.nl.infographic.pdf", "helpline-2024-H1.v2.nl.infographic.html");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("helpline-2024-H1.v2.nl.infographic.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Versie 2, gepubliceerd op 2 juli 2024").doesNotContain("CONCEPT");
        }
        assertThat(nl.out()).doesNotContain("WARN", "INFO", "DEBUG");

        Cli.Result en = Cli.run("infographic", "--period", "2024-H1", "--lang", "en", "--outbox", outbox.toString(), "--out", out.toString());
        assertThat(en.exitCode()).as(en.toString()).isEqualTo(ExitCode.OK);
        assertThat(files(out)).contains("helpline-2024-H1.v3.en.infographic.pdf");
    }

    @Test
    void aDraftIsDrawnAsADraftWithItsFileName(@TempDir Path out) throws Exception {
        Cli.Result draft = Cli.run("infographic", "--cells", outbox.resolve("helpline-2024-H1.nl.concept.cells.csv").toString(),
                "--out", out.toString());
        assertThat(draft.exitCode()).as(draft.toString()).isEqualTo(ExitCode.OK);
        assertThat(files(out)).containsExactlyInAnyOrder("helpline-2024-H1.nl.concept.infographic.pdf",
                "helpline-2024-H1.nl.concept.infographic.html");
        assertThat(Files.readString(out.resolve("helpline-2024-H1.nl.concept.infographic.html")))
                .contains("CONCEPT — intern werkdocument, niet verspreiden").contains("Voorlopige cijfers [p]");
    }

    @Test
    void whatCannotBeTrustedOrFoundWritesNothing(@TempDir Path out) {
        Cli.Result damaged = Cli.run("infographic", "--cells", outbox.resolve("helpline-2024-H1.v9.nl.cells.csv").toString(),
                "--out", out.toString());
        assertThat(damaged.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(damaged.err()).contains("Cannot draw an infographic from").contains("must not carry a count");
        assertThat(damaged.err()).as("the withheld value is not repeated in the message").doesNotContainPattern("\\b3\\b");

        Cli.Result none = Cli.run("infographic", "--period", "2024-H2", "--outbox", outbox.toString(), "--out", out.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(none.err()).contains("No cells.csv of helpline for 2024-H2 in nl");

        Cli.Result otherPeriod = Cli.run("infographic", "--period", "2024", "--cells",
                outbox.resolve("helpline-2024-H1.v2.nl.cells.csv").toString(), "--out", out.toString());
        assertThat(otherPeriod.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(otherPeriod.err()).contains("not of 2024");

        Cli.Result otherLanguage = Cli.run("infographic", "--lang", "en", "--cells",
                outbox.resolve("helpline-2024-H1.v2.nl.cells.csv").toString(), "--out", out.toString());
        assertThat(otherLanguage.exitCode()).isEqualTo(ExitCode.FAILED);

        assertThat(Cli.run("infographic", "--out", out.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("infographic", "--period", "2024-H3").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(files(out)).isEmpty();
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
