package nl.helpline.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * The reader on real, generated data: drafts written one by one by the {@code report} command
 * (each protected against the releases, none against the other drafts: that is why drafts must
 * not leave the organisation), read together as if they had been released, as the issue's
 * finding 1 read the reports of before releases. The reader must find leaks there, and its model
 * must hold for the true counts of real reports (every table, percentages, "adds up to more").
 */
class ExactReaderOnDraftsTest {

    @TempDir
    Path work;

    @Test
    void draftsProtectedOneByOneLeakWhenReadTogether() throws Exception {
        TestDatabase db = TestDatabase.create();
        try {
            Path inbox = work.resolve("inbox");
            ExportGenerator.generate(GeneratorSpec.of(240, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).withSeed(7), inbox);
            Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
            assertThat(load.exitCode()).as(load.toString()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);
            for (String period : new String[] {"2024-01-01..2024-03-31", "2024-02-01..2024-04-30", "2024-03-01..2024-05-31",
                    "2024-01-01..2024-05-31"}) {
                Cli.Result report = Cli.run(db, "report", "--period", period, "--out", work.resolve("out").toString());
                System.out.println("report " + period + ": exit " + report.exitCode());
            }
            int copied = DraftsAsReleases.copyAll(db.jdbc());

            ExactReader.Result result = ExactReader.read(db.jdbc());

            System.out.printf("drafts read as releases, overlapping ranges (%d reports): %s%n", copied, result.summary());
            result.findings().forEach(f -> System.out.println("    " + f));
            assertThat(copied).isGreaterThanOrEqualTo(3);
            assertThat(result.findings()).as(result.summary()).isNotEmpty();
        } finally {
            db.drop();
        }
    }
}
