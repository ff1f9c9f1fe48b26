package nl.helpline.warehouse.schedule;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.SecondJvm;
import nl.helpline.warehouse.support.TestDatabase;

/** The nightly run as operations meet it: scheduled, concurrent, killed, cut off from its database. */
class NightlyRunTest {

    /** Big enough that a load takes seconds, realistic enough that its reports can be protected. */
    private static final GeneratorSpec BIG = GeneratorSpec.of(40_000, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30))
            .withSeed(5).withFiles(2);

    @TempDir
    Path work;

    private Path bigExports(Path inbox) throws Exception {
        ExportGenerator.generate(BIG, inbox);
        return inbox;
    }

    @Test
    void aScheduleRunsTwiceAndPicksUpAFileDroppedBetweenRuns() throws Exception {
        TestDatabase db = TestDatabase.create();
        Path inbox = work.resolve("inbox");
        Path out = work.resolve("out");
        Path health = work.resolve("health.json");
        ExportGenerator.generate(GeneratorSpec.of(400, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30)).withFiles(1), inbox);

        CompletableFuture<Cli.Result> schedule = CompletableFuture.supplyAsync(() -> Cli.run(db, "schedule", "--cron", "*/2 * * * * *",
                "--runs", "2", "--inbox", inbox.toString(), "--out", out.toString(), "--health", health.toString(), "--night", "2024-05-01"));
        // Wait for the first run to end (the health line says so), then deliver a new export.
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(Files.exists(health) && Files.readString(health).contains("\"lastExitCode\":0")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        ExportCsv.create().add(row("HAL-2", "01-03-2024 09:00")).write(inbox.resolve("second.csv"));
        Cli.Result result = schedule.get(3, TimeUnit.MINUTES);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
        assertThat(db.jdbc().queryForList("SELECT file_name FROM etl.source_file WHERE status = 'loaded' ORDER BY file_id", String.class))
                .hasSize(2).endsWith("second.csv");
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM batch.batch_job_execution WHERE status = 'COMPLETED'", Long.class)).isEqualTo(2);
        assertThat(Files.readString(health)).contains("\"lastOutcome\":\"ok\"").contains("nextRunAt");
        assertThat(out.resolve("helpline-2024-H1.nl.concept.xlsx")).exists();

        Cli.Result status = Cli.run(db, "status", "--json");
        assertThat(status.out()).startsWith("{\"runs\":[").contains("\"status\":\"COMPLETED\"").contains("\"filesLoaded\":1");
    }

    @Test
    void aSecondRunWhileOneHoldsTheWarehouseLoadsNothing() throws Exception {
        TestDatabase db = TestDatabase.create();
        Path inbox = work.resolve("inbox");
        ExportCsv.create().add(row("HAL-1", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        assertThat(Cli.run(db, "status").exitCode()).isEqualTo(ExitCode.OK);   // migrates
        try (Connection other = DriverManager.getConnection(db.url(), "postgres", ""); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("LOCK TABLE etl.run_lock IN SHARE ROW EXCLUSIVE MODE");   // what WarehouseLock holds during a run
            Cli.Result busy = Cli.run(db, "run", "--inbox", inbox.toString(), "--out", work.resolve("out").toString());
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitCode.BUSY);
        }
        assertThat(inbox.resolve("a.csv")).exists();
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isZero();
    }

    @Test
    void aRunKilledMidLoadIsRecoveredByRestartWithTheResultOfAnUninterruptedRun() throws Exception {
        TestDatabase reference = TestDatabase.create();
        Path referenceInbox = bigExports(work.resolve("reference"));
        Cli.Result uninterrupted = Cli.run(reference, "run", "--inbox", referenceInbox.toString(),
                "--out", work.resolve("reference-out").toString(), "--night", "2024-05-01");
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isEqualTo(ExitCode.OK);

        TestDatabase db = TestDatabase.create();
        Path inbox = bigExports(work.resolve("inbox"));
        Process child = SecondJvm.start(db, inbox.resolveSibling("child.log"), "run", "--inbox", inbox.toString(),
                "--out", work.resolve("out").toString(), "--night", "2024-05-01");
        // Kill while it loads: once the first of its two files has committed.
        long deadline = System.currentTimeMillis() + 60_000;
        while (child.isAlive() && System.currentTimeMillis() < deadline && !firstFileCommitted(db)) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the run must still be running when it is killed").isTrue();
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(db.jdbc().queryForObject("SELECT status FROM batch.batch_job_execution ORDER BY job_execution_id DESC LIMIT 1", String.class))
                .isEqualTo("STARTED");

        Cli.Result restart = Cli.run(db, "restart");
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(ExitCode.OK);
        assertThat(restart.out()).contains("(resumed)").contains("reports:");
        assertThat(nl.helpline.warehouse.load.WarehouseStateForTests.state(db.jdbc()))
                .isEqualTo(nl.helpline.warehouse.load.WarehouseStateForTests.state(reference.jdbc()));
        assertThat(db.jdbc().queryForList("SELECT status FROM batch.batch_job_execution ORDER BY job_execution_id", String.class))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(Cli.run(db, "restart").out()).contains("Nothing to restart");
    }

    @Test
    void theDatabaseGoingAwayMidRunFailsItClearlyAndTheNextRunCompletes() throws Exception {
        TestDatabase reference = TestDatabase.create();
        Cli.Result uninterrupted = Cli.run(reference, "run", "--inbox", bigExports(work.resolve("reference")).toString(),
                "--out", work.resolve("reference-out").toString(), "--night", "2024-05-01");
        assertThat(uninterrupted.exitCode()).isEqualTo(ExitCode.OK);

        TestDatabase db = TestDatabase.create();
        Path inbox = bigExports(work.resolve("inbox"));
        assertThat(Cli.run(db, "status").exitCode()).isEqualTo(ExitCode.OK);   // migrated before the lights go out
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run(db, "run", "--inbox", inbox.toString(),
                "--out", work.resolve("out").toString(), "--night", "2024-05-01"));
        String database = db.url().replaceAll(".*/([^/?]+).*", "$1");
        try (Connection admin = DriverManager.getConnection(db.url().replace("/" + database, "/postgres"), "postgres", "");
             Statement s = admin.createStatement()) {
            // Pull the plug once the run is under way (its job execution exists), and keep pulling.
            long deadline = System.currentTimeMillis() + 60_000;
            while (!run.isDone() && System.currentTimeMillis() < deadline && !runStarted(db)) {
                Thread.sleep(20);
            }
            while (!run.isDone()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
                Thread.sleep(200);
            }
        }
        Cli.Result failed = run.get();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).isNotBlank();

        Cli.Result next = Cli.run(db, "run", "--inbox", inbox.toString(), "--out", work.resolve("out").toString(), "--night", "2024-05-01");
        assertThat(next.exitCode()).as(next.toString()).isEqualTo(ExitCode.OK);
        assertThat(nl.helpline.warehouse.load.WarehouseStateForTests.state(db.jdbc()))
                .isEqualTo(nl.helpline.warehouse.load.WarehouseStateForTests.state(reference.jdbc()));
    }

    private static boolean runStarted(TestDatabase db) {
        try {
            return db.jdbc().queryForObject("SELECT count(*) FROM batch.batch_job_execution WHERE status = 'STARTED'", Long.class) > 0;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static boolean firstFileCommitted(TestDatabase db) {
        // A connection of its own, closed after each poll: polled every 50 ms on a slow machine, leaked ones
        // would use up the server's connections before the child commits.
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "");
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM etl.source_file WHERE status = 'loaded'")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (java.sql.SQLException notMigratedYet) {
            return false;
        }
    }
}
