package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.SecondJvm;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A load killed with SIGKILL at any moment, then simply started again, ends in exactly the
 * state of a load that was never interrupted. The killed loads run in a real second JVM.
 */
class KilledRunRecoveryTest {

    private static final int REQUESTS = 60_000;

    @TempDir
    Path work;

    @Test
    void aLoadKilledMidFileAndRunAgainEndsAsIfUninterrupted() throws Exception {
        Path original = work.resolve("original");
        Files.createDirectories(original);
        // Three files with overlapping versions, so the order of commits matters.
        ExportCsv.stream(original.resolve("export-1.csv"), REQUESTS,
                i -> row("HAL-" + i, "01-03-2024 09:00").set("Aantal gesprekken", Integer.toString(i % 7)));
        ExportCsv.stream(original.resolve("export-2.csv"), REQUESTS,
                i -> row("HAL-" + (i + REQUESTS / 2), i % 3 == 0 ? "28-02-2024 09:00" : "02-03-2024 09:00")
                        .set("Eerste contact", i % 2 == 0 ? "E-mail" : "Chat")
                        .set("Status", i % 50 == 0 ? "Vervallen" : "Afgesloten"));
        ExportCsv.create().add(row("HAL-1", "05-03-2024 09:00").set("Datum binnenkomst", "nonsense"))
                .add(row("HAL-2", "05-03-2024 09:00").set("Werkterrein", "Zorg"))
                .write(original.resolve("export-3.csv"));

        TestDatabase reference = TestDatabase.create();
        Path referenceInbox = copy(original, work.resolve("reference"));
        Cli.Result uninterrupted = Cli.run(reference, "load", "--inbox", referenceInbox.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        String expected = WarehouseDump.state(reference.jdbc());

        TestDatabase crashed = TestDatabase.create();
        Path inbox = copy(original, work.resolve("crashed"));
        int killedMidRun = 0;
        for (long delayMillis : new long[] {2_500, 4_000, 5_500, 7_000}) {
            Process child = SecondJvm.start(crashed, inbox.resolveSibling("child.log"), "load", "--inbox", inbox.toString());
            boolean finished = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by us
                child.waitFor(30, TimeUnit.SECONDS);
                killedMidRun++;
            }
            System.out.printf("after %d ms: %s, files committed so far: %s%n", delayMillis, finished ? "finished" : "killed",
                    committedFiles(crashed));
        }
        Cli.Result recovery = Cli.run(crashed, "load", "--inbox", inbox.toString());
        assertThat(recovery.exitCode()).as(recovery.toString()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);

        assertThat(killedMidRun).as("the test must actually kill a running load").isGreaterThan(0);
        assertThat(WarehouseDump.state(crashed.jdbc())).isEqualTo(expected);
        assertThat(crashed.jdbc().queryForObject("SELECT sum(rows_loaded) FROM etl.source_file WHERE status = 'loaded'", Long.class))
                .isEqualTo(reference.jdbc().queryForObject("SELECT sum(rows_loaded) FROM etl.source_file WHERE status = 'loaded'", Long.class));
        assertThat(crashed.jdbc().queryForObject("SELECT count(*) FROM etl.reject", Long.class)).isEqualTo(1);
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** Killed before its migrations ran, the warehouse has no tables yet. */
    private static String committedFiles(TestDatabase db) {
        try {
            return String.valueOf(db.jdbc().queryForObject("SELECT count(*) FROM etl.source_file WHERE status = 'loaded'", Long.class));
        } catch (RuntimeException notMigratedYet) {
            return "none (not migrated yet)";
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
