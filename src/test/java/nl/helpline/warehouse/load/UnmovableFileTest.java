package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A file that cannot be archived or removed after its commit (an exporter's file in a sticky
 * inbox, an archive folder that refuses new names) stays loaded, is reported, and never blocks
 * the next file or makes later nights fail. Tests run as root, whom permissions do not stop;
 * the immutable attribute ({@code chattr +i}) does.
 */
class UnmovableFileTest {

    @TempDir
    Path inbox;

    @AfterEach
    void mutableAgain() throws Exception {
        chattr("-i", inbox.resolve("a.csv"));
        chattr("-i", inbox.resolve("processed"));
    }

    @Test
    void aFileThatCannotBeMovedAfterItsCommitStaysLoadedAndBlocksNothing() throws Exception {
        TestDatabase db = TestDatabase.create();
        JdbcTemplate jdbc = db.jdbc();
        ExportCsv.create().add(row("HAL-A", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        ExportCsv.create().add(row("HAL-B", "01-03-2024 09:00")).write(inbox.resolve("b.csv"));
        assumeTrue(chattr("+i", inbox.resolve("a.csv")), "chattr +i works on this file system");

        // Night 1: a.csv loads and is archived, but cannot be removed from the inbox; b.csv loads.
        Cli.Result first = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(first.out()).contains("could not be removed from the inbox");
        assertThat(jdbc.queryForList("SELECT file_name || '=' || status FROM etl.source_file ORDER BY file_id", String.class))
                .containsExactly("a.csv=loaded", "b.csv=loaded");
        assertThat(inbox.resolve("processed/a.csv")).exists();
        assertThat(inbox.resolve("processed/b.csv")).exists();

        // Night 2: a.csv is still there, and now processed/ refuses new names: c.csv commits, stays, is reported.
        ExportCsv.create().add(row("HAL-C", "01-03-2024 09:00")).write(inbox.resolve("c.csv"));
        assertThat(chattr("+i", inbox.resolve("processed"))).isTrue();
        Cli.Result second = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(second.exitCode()).as("reported, never a failed night: " + second).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(second.out()).contains("could not be archived into processed/").contains("left in the inbox");
        assertThat(jdbc.queryForObject("SELECT status FROM etl.source_file WHERE file_name = 'c.csv'", String.class)).isEqualTo("loaded");
        assertThat(inbox.resolve("c.csv")).exists();

        // Fixed: the next night tidies up; nothing was counted twice.
        mutableAgain();
        Cli.Result third = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(third.exitCode()).as(third.toString()).isEqualTo(ExitCode.OK);
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(inbox.resolve("processed/c.csv")).exists();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT sum(rows_loaded) FROM etl.source_file", Long.class)).isEqualTo(3);
        db.drop();
    }

    private static boolean chattr(String flag, Path path) throws Exception {
        if (!Files.exists(path)) {
            return false;
        }
        Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
