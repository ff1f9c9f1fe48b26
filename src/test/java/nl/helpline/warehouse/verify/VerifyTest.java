package nl.helpline.warehouse.verify;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.PseudonymKey;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/**
 * The checks against a warehouse that is not in order: what a run must notice (the requests it
 * touched, and everything when its list was lost), what only {@code verify} sees (the rest), and
 * that the schedule's verify nights do see it.
 */
class VerifyTest {

    @TempDir
    Path work;

    private final Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY));

    private long key(JdbcTemplate jdbc, String requestNumber) {
        return jdbc.queryForObject("SELECT request_key FROM etl.request_version WHERE request_pseudonym = ?", Long.class,
                (Object) pseudonymizer.pseudonym(requestNumber));
    }

    @Test
    void verifyFindsEveryKindOfDisorderAndSaysItInWordsWhileARunReadsOnlyWhatItTouched() throws Exception {
        TestDatabase db = TestDatabase.create();
        JdbcTemplate jdbc = db.jdbc();
        Path inbox = work.resolve("inbox");
        ExportCsv.create()
                .add(row("HAL-1", "01-03-2024 09:00")).add(row("HAL-2", "01-03-2024 09:00")).add(row("HAL-3", "01-03-2024 09:00"))
                .add(row("HAL-4", "01-03-2024 09:00")).add(row("HAL-5", "01-03-2024 09:00"))
                .add(row("HAL-6", "01-03-2024 09:00").set("Status", "Vervallen"))
                .write(inbox.resolve("a.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        Cli.Result clean = Cli.run(db, "verify");
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(ExitCode.OK);
        assertThat(clean.out()).contains("6 requests, all in order");

        // What a careless restore, a hand edit or a faulty transform could leave behind.
        jdbc.update("DELETE FROM dw.fact_request WHERE request_key = ?", key(jdbc, "HAL-1"));   // its bridges stay behind
        jdbc.update("UPDATE dw.fact_request SET last_modified = last_modified - interval '1 day' WHERE request_key = ?", key(jdbc, "HAL-2"));
        jdbc.update("UPDATE dw.fact_request SET channel_key = 42 WHERE request_key = ?", key(jdbc, "HAL-3"));
        jdbc.update("UPDATE etl.request_version SET request_key = ? WHERE request_pseudonym = ?", key(jdbc, "HAL-5"),
                pseudonymizer.pseudonym("HAL-4"));
        jdbc.update("""
                INSERT INTO dw.fact_request (request_key, received_date_key, closed_date_key, channel_key, requester_key,
                                             follow_up_key, status_key, last_modified)
                SELECT request_key, 20240110, 20240120, 1, 12, 1, 3, last_modified FROM etl.request_version
                WHERE request_pseudonym = ?""", (Object) pseudonymizer.pseudonym("HAL-6"));

        Cli.Result dirty = Cli.run(db, "verify");
        assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(dirty.out()).contains("NOT in order",
                "1 requests whose newest version stands are missing from the facts",
                "facts belong to no request whose newest version stands",
                "facts do not hold their request's newest version",
                "1 requests share their key with another request",
                "1 facts point at a dimension member that does not exist",
                "bridge rows belong to no fact or point at a member that does not exist");
        assertThat(dirty.err()).contains("not in order");

        // A run checks what its files touched, and nothing else: the untouched disorder is the
        // business of verify, which the schedule runs on its own nights (Sunday by default).
        Cli.Result run = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        Path out = work.resolve("out");
        Cli.Result sunday = Cli.run(db, "run", "--inbox", inbox.toString(), "--out", out.toString(), "--night", "2024-12-29");
        assertThat(sunday.exitCode()).as(sunday.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(sunday.err()).contains("NOT in order", "missing from the facts");
        assertThat(Files.exists(out) ? Files.list(out).count() : 0L).as("no report is written from a warehouse not in order").isZero();
    }

    @Test
    void aRunChecksWhatItsFilesTouchedKeepsItUntilProvenAndChecksEverythingWhenItsListWasLost() throws Exception {
        TestDatabase db = TestDatabase.create();
        JdbcTemplate jdbc = db.jdbc();
        Path inbox = work.resolve("inbox");
        // Enough requests that touching one is checked on its own, not by checking everything.
        Files.createDirectories(inbox);
        ExportCsv.stream(inbox.resolve("a.csv"), 40, i -> row("HAL-" + (i + 1), "01-03-2024 09:00"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        long fileA = jdbc.queryForObject("SELECT file_id FROM etl.source_file WHERE file_name = 'a.csv'", Long.class);

        // HAL-2 was touched by a file that committed, then lost its fact before the run's check
        // (the check runs after all files): the run must not pass, and must not forget it.
        jdbc.update("INSERT INTO etl.run_touched (file_id, request_pseudonym) VALUES (?, ?)", fileA, pseudonymizer.pseudonym("HAL-2"));
        jdbc.update("INSERT INTO etl.run_touched_file (file_id, requests) VALUES (?, 1)", fileA);
        jdbc.update("DELETE FROM dw.fact_request WHERE request_key = ?", key(jdbc, "HAL-2"));
        Cli.Result failed = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("reconciliation failed, checking the requests touched since the last check",
                "1 requests whose newest version stands are missing from the facts",
                "bridge rows belong to no fact");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.run_touched", Long.class)).as("kept for the next attempt").isEqualTo(1);

        // A newer version puts it right; the run proves it and forgets the list.
        ExportCsv.create().add(row("HAL-2", "02-03-2024 09:00").set("Aantal gesprekken", "4")).write(inbox.resolve("b.csv"));
        Cli.Result repaired = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(repaired.exitCode()).as(repaired.toString()).isEqualTo(ExitCode.OK);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.run_touched", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.run_touched_file", Long.class)).isZero();

        // PostgreSQL crashed after a file committed: the unlogged list is empty, the file's count
        // says it should not be. The run cannot know what was touched, so it checks everything,
        // and finds a fault in a request no list names.
        jdbc.update("UPDATE dw.fact_request SET last_modified = last_modified + interval '1 hour' WHERE request_key = ?", key(jdbc, "HAL-3"));
        jdbc.update("INSERT INTO etl.run_touched_file (file_id, requests) VALUES (?, 40)", fileA);
        Cli.Result afterCrash = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(afterCrash.exitCode()).as(afterCrash.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(afterCrash.err()).contains("checking the whole warehouse instead", "1 facts do not hold their request's newest version");
    }
}
