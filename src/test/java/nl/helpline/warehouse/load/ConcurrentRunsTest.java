package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.EmbeddedWarehouseServer;

/** Two runs never work on one warehouse at the same time, whichever way it is reached. */
class ConcurrentRunsTest {

    @TempDir
    Path inbox;

    @Test
    void aSecondRunOnAnExternalWarehouseExitsBusyAndLoadsNothing() throws Exception {
        TestDatabase db = TestDatabase.create();
        ExportCsv.create().add(row("HAL-60", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.resolve("empty-does-not-exist").toString()).exitCode())
                .isEqualTo(ExitCode.USAGE);
        // Migrate first, so the lock is the only thing in the way.
        Path empty = inbox.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        assertThat(Cli.run(db, "load", "--inbox", empty.toString()).exitCode()).isEqualTo(ExitCode.OK);

        try (Connection other = DriverManager.getConnection(db.url(), "postgres", "");
             Statement s = other.createStatement()) {
            s.execute("SET application_name = 'nightly run on ops-host'");
            other.setAutoCommit(false);
            s.execute("LOCK TABLE etl.run_lock IN SHARE ROW EXCLUSIVE MODE");   // what WarehouseLock holds during a run
            Cli.Result busy = Cli.run(db, "load", "--inbox", inbox.toString());
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitCode.BUSY);
            assertThat(busy.err()).contains("Another run is working on this warehouse").contains("nightly run on ops-host");
            assertThat(inbox.resolve("a.csv")).exists();
            assertThat(db.jdbc().queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isZero();
        }
        Cli.Result after = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCode.OK);
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isEqualTo(1);
    }

    @Test
    void aSecondProcessOnTheEmbeddedWarehouseExitsBusy(@TempDir Path dataDir) throws Exception {
        ExportCsv.create().add(row("HAL-61", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        try (EmbeddedWarehouseServer first = EmbeddedWarehouseServer.start(dataDir)) {
            Cli.Result busy = Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitCode.BUSY);
            assertThat(busy.err()).contains("in use by another process").contains("pid " + ProcessHandle.current().pid());
        }
        Cli.Result after = Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString());
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCode.OK);
    }
}
