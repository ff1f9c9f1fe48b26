package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A run costs what changed, not what the warehouse holds: on a warehouse of many requests, an
 * empty inbox reads not one row of the facts, bridges or versions, and a small file reads a few
 * rows per request it touches, checks included. Counted by PostgreSQL itself (rows returned by
 * sequential and index scans, pg_stat_user_tables and pg_stat_user_indexes), not timed.
 */
class ScopedReconciliationTest {

    private static final int WAREHOUSE = 20_000;
    private static final List<String> WATCHED = List.of("dw.fact_request", "dw.bridge_request_phenomenon",
            "dw.bridge_request_help_question", "dw.bridge_request_support", "etl.request_version");

    @TempDir
    Path work;

    @Test
    void aRunReadsOnlyTheRequestsItsFilesTouched() throws Exception {
        TestDatabase db = TestDatabase.create();
        JdbcTemplate jdbc = db.jdbc();
        Path inbox = java.nio.file.Files.createDirectories(work.resolve("inbox"));
        ExportCsv.stream(inbox.resolve("history.csv"), WAREHOUSE,
                i -> row("HAL-" + i, "01-03-2024 09:00").set("Aantal gesprekken", Integer.toString(i % 5)));
        Cli.Result seeded = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(seeded.exitCode()).as(seeded.toString()).isEqualTo(ExitCode.OK);
        // Autovacuum and autoanalyze read tables too; they must not blur the count.
        for (String table : WATCHED) {
            jdbc.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
        }

        Map<String, Long> before = rowsRead(jdbc);
        Cli.Result empty = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCode.OK);
        Map<String, Long> emptyInbox = delta(before, rowsRead(jdbc));
        System.out.println("rows read by a run with an empty inbox, warehouse of " + WAREHOUSE + ": " + emptyInbox);
        assertThat(emptyInbox).as("an empty inbox reads nothing of a warehouse of %d requests", WAREHOUSE)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());

        List<String> touched = List.of("HAL-7", "HAL-8", "HAL-9", "HAL-19999", "NEW-1", "NEW-2");
        ExportCsv.create()
                .add(row("HAL-7", "05-03-2024 09:00").set("Aantal gesprekken", "9").set("Verschijningsvormen", "Links-extremisme"))
                .add(row("HAL-8", "05-03-2024 09:00").set("Status", "Vervallen"))
                .add(row("HAL-9", "28-02-2024 09:00").set("Aantal gesprekken", "7"))        // older: superseded
                .add(row("HAL-19999", "06-03-2024 09:00").set("Opvolging", "Aanvullende ondersteuning")
                        .set("Aanvullende ondersteuning", "Forsa"))
                .add(row("NEW-1", "06-03-2024 10:00"))
                .add(row("NEW-2", "06-03-2024 10:00").set("Status", "In behandeling").set("Datum afgesloten", "").set("Opvolging", ""))
                .write(inbox.resolve("night.csv"));
        before = rowsRead(jdbc);
        Cli.Result night = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(night.exitCode()).as(night.toString()).isEqualTo(ExitCode.OK);
        Map<String, Long> smallFile = delta(before, rowsRead(jdbc));
        System.out.println("rows read by a run with a file of " + touched.size() + " rows, warehouse of " + WAREHOUSE + ": " + smallFile);
        assertThat(smallFile.values().stream().mapToLong(Long::longValue).sum())
                .as("the count sees the run's reads at all (else this test could not fail)").isPositive();
        // Each touched request is a handful of index lookups per table: its version, its fact,
        // two or three bridge rows, for the transform and again for the check.
        assertThat(smallFile).as("a file of %d rows reads a few rows per request it touches, not the warehouse's %d",
                        touched.size(), WAREHOUSE)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isLessThanOrEqualTo(20L * touched.size()));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isEqualTo(WAREHOUSE - 1 + 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.run_touched", Long.class))
                .as("the run forgets what it proved").isZero();
        Cli.Result verify = Cli.run(db, "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("20,002 requests, all in order");
    }

    /**
     * Rows each watched table returned to scans, by PostgreSQL's statistics. The application's
     * connections have closed when Cli.run returns, and a backend hands its counts over when it
     * ends: wait for that, then read a fresh snapshot.
     */
    static Map<String, Long> rowsRead(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()", Long.class) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the application's connections did not close");
            }
            Thread.sleep(20);
        }
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : WATCHED) {
            rows.put(table, jdbc.queryForObject("""
                    SELECT coalesce(t.seq_tup_read, 0)
                         + coalesce((SELECT sum(i.idx_tup_read) FROM pg_stat_user_indexes i WHERE i.relid = t.relid), 0)
                    FROM pg_stat_user_tables t
                    WHERE t.relid = ?::regclass""", Long.class, table));
        }
        return rows;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((table, rows) -> delta.put(table, rows - before.get(table)));
        return delta;
    }
}
