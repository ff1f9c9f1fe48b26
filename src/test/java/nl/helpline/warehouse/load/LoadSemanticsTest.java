package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.PseudonymKey;
import nl.helpline.warehouse.warehouse.Pseudonymizer;

/** The load's promises, one by one, against a real PostgreSQL through the real command line. */
class LoadSemanticsTest {

    @TempDir
    Path inbox;

    TestDatabase db;
    JdbcTemplate jdbc;
    final Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY));

    @BeforeEach
    void newWarehouse() {
        db = TestDatabase.create();
        jdbc = db.jdbc();
    }

    private Cli.Result load() {
        return Cli.run(db, "load", "--inbox", inbox.toString(), "--summary", inbox.resolveSibling(inbox.getFileName() + "-summary.json").toString());
    }

    private Map<String, Object> fact(String requestNumber) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT s.status_code, c.channel_code, f.conversations, f.closed_date_key, f.received_date_key,
                       fu.follow_up_code, r.work_domain_code, f.last_modified::text AS last_modified
                FROM dw.fact_request f
                JOIN etl.request_version v ON v.request_key = f.request_key
                JOIN dw.dim_status s USING (status_key)
                JOIN dw.dim_channel c USING (channel_key)
                JOIN dw.dim_follow_up fu USING (follow_up_key)
                JOIN dw.dim_requester r USING (requester_key)
                WHERE v.request_pseudonym = ?""", (Object) pseudonymizer.pseudonym(requestNumber));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String snapshot() {
        return WarehouseDump.state(jdbc);
    }

    private long facts() {
        return jdbc.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class);
    }

    @Test
    void newestVersionWinsWithinAFileAndAcrossFilesAndOlderRowsChangeNothing() {
        ExportCsv.create()
                .add(row("HAL-1", "01-02-2024 09:00").set("Status", "In behandeling").set("Datum afgesloten", "").set("Opvolging", ""))
                .add(row("HAL-1", "03-02-2024 09:00").set("Aantal gesprekken", "3"))   // newest in file 1
                .add(row("HAL-1", "02-02-2024 09:00").set("Aantal gesprekken", "9"))   // older, later line
                .add(row("HAL-2", "01-02-2024 10:00"))
                .write(inbox.resolve("export-1.csv"));
        Cli.Result first = load();
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(fact("HAL-1")).containsEntry("conversations", 3).containsEntry("status_code", "CLOSED");

        ExportCsv.create()
                .add(row("HAL-1", "2024-02-02T12:00").set("Aantal gesprekken", "7"))  // older than what we hold
                .add(row("HAL-2", "2024-02-05T08:30:15").set("Eerste contact", "Email").set("Aantal gesprekken", "5"))
                .write(inbox.resolve("export-2.csv"));
        Cli.Result second = load();
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        assertThat(fact("HAL-1")).containsEntry("conversations", 3);
        assertThat(fact("HAL-2")).containsEntry("channel_code", "EMAIL").containsEntry("conversations", 5)
                .containsEntry("last_modified", "2024-02-05 08:30:15");
        assertThat(facts()).isEqualTo(2);

        Map<String, Object> file1 = jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_superseded, rows_rejected FROM etl.source_file WHERE file_name = 'export-1.csv'");
        assertThat(file1).containsEntry("rows_read", 4L).containsEntry("rows_loaded", 2L).containsEntry("rows_superseded", 2L).containsEntry("rows_rejected", 0L);
        Map<String, Object> file2 = jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_superseded FROM etl.source_file WHERE file_name = 'export-2.csv'");
        assertThat(file2).containsEntry("rows_read", 2L).containsEntry("rows_loaded", 1L).containsEntry("rows_superseded", 1L);
    }

    @Test
    void vervallenRemovesTheRequestAndAnOlderVersionCannotBringItBack() {
        ExportCsv.create()
                .add(row("HAL-10", "01-03-2024 09:00"))
                .add(row("HAL-11", "01-03-2024 09:00"))
                .write(inbox.resolve("a.csv"));
        assertThat(load().exitCode()).isEqualTo(ExitCode.OK);
        long bridgesBefore = jdbc.queryForObject("SELECT count(*) FROM dw.bridge_request_phenomenon", Long.class);
        assertThat(bridgesBefore).isEqualTo(4);

        ExportCsv.create().add(row("HAL-10", "05-03-2024 09:00").set("Status", "Vervallen")).write(inbox.resolve("b.csv"));
        assertThat(load().exitCode()).isEqualTo(ExitCode.OK);
        assertThat(fact("HAL-10")).isNull();
        assertThat(facts()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dw.bridge_request_phenomenon", Long.class)).isEqualTo(2);

        ExportCsv.create().add(row("HAL-10", "02-03-2024 09:00")).write(inbox.resolve("c.csv"));
        assertThat(load().exitCode()).isEqualTo(ExitCode.OK);
        assertThat(fact("HAL-10")).as("an older row delivered late must not resurrect a withdrawn request").isNull();
    }

    @Test
    void theSameBytesAreNeverCountedTwiceAndARerunChangesNothing() throws Exception {
        Path file = ExportCsv.create().add(row("HAL-20", "01-03-2024 09:00")).add(row("HAL-21", "01-03-2024 09:00"))
                .write(inbox.resolve("export-2024-03-01.csv"));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(load().exitCode()).isEqualTo(ExitCode.OK);
        String before = snapshot();

        Files.write(inbox.resolve("export-2024-03-01-resent.csv"), bytes);   // same bytes, other name
        Files.write(inbox.resolve("export-2024-03-01.csv"), bytes);          // same bytes, same name
        Cli.Result again = load();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("duplicate");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.source_file WHERE status = 'duplicate'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT sum(rows_loaded) FROM etl.source_file", Long.class)).isEqualTo(2);
        // The same name with the same bytes is archived already: no second copy; the other name is archived.
        assertThat(Files.list(inbox.resolve("processed")).count()).isEqualTo(2);
        assertThat(inbox.resolve("processed/export-2024-03-01-resent.csv")).exists();
        assertThat(jdbc.queryForObject("SELECT reason FROM etl.source_file WHERE status = 'duplicate' AND file_name = 'export-2024-03-01.csv'",
                String.class)).contains("already archived as");
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).as("both deliveries left the inbox").isEmpty();
        }

        Cli.Result empty = load();   // nothing left in the inbox
        assertThat(empty.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBadRowIsRejectedWithLineAndColumnAndEverythingElseLoads() throws Exception {
        ExportCsv.create()
                .add(row("HAL-30", "01-03-2024 09:00"))
                .add(row("HAL-31", "01-03-2024 09:00").set("Datum binnenkomst", "31-02-2024"))             // line 3? see below
                .add(row("HAL-32", "01-03-2024 09:00").set("Eerste contact", "Postduif"))
                .add(row("HAL-33", "01-03-2024 09:00").set("Datum afgesloten", "01-01-2024"))
                .add(row("HAL-34", "01-03-2024 09:00").set("Opvolging", ""))
                .add(row("HAL-35", "01-03-2024 09:00"))
                .write(inbox.resolve("mixed.csv"));
        Cli.Result result = load();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(facts()).isEqualTo(2);
        // Every record spans two physical lines: Toelichting holds a line break. Header = line 1.
        List<Map<String, Object>> rejects = jdbc.queryForList(
                "SELECT line_number, column_name, column_value, reason FROM etl.reject ORDER BY line_number");
        assertThat(rejects).extracting(r -> r.get("line_number")).containsExactly(4L, 6L, 8L, 10L);
        assertThat(rejects).extracting(r -> r.get("column_name"))
                .containsExactly("Datum binnenkomst", "Eerste contact", "Datum afgesloten", "Opvolging");
        assertThat(rejects.get(1).get("column_value")).isEqualTo("Postduif");
        assertThat(rejects).allSatisfy(r -> assertThat((String) r.get("reason")).isNotBlank());
        assertThat(result.out()).contains("line 4, column Datum binnenkomst");
        assertThat(inbox.resolve("processed/mixed.csv")).exists();

        String json = Files.readString(inbox.resolveSibling(inbox.getFileName() + "-summary.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"rowsRead\":6", "\"loaded\":2", "\"rejected\":4", "\"line\":8", "\"column\":\"Datum afgesloten\"");
    }

    @Test
    void aFileMissingARequiredColumnIsRejectedWholeAndNonExportsAreLeftAlone() throws Exception {
        List<String> header = ExportCsv.HEADER.stream().filter(h -> !h.equals("Status")).toList();
        ExportCsv.withHeader(header).add(row("HAL-40", "01-03-2024 09:00")).write(inbox.resolve("no-status.csv"));
        ExportCsv.create().add(row("HAL-41", "01-03-2024 09:00")).write(inbox.resolve("good.csv"));
        Files.writeString(inbox.resolve("notes.txt"), "not an export");

        Cli.Result result = load();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(facts()).isEqualTo(1);
        assertThat(inbox.resolve("rejected/no-status.csv")).exists();
        assertThat(Files.readString(inbox.resolve("rejected/no-status.csv.reason.txt"))).contains("Status");
        assertThat(inbox.resolve("notes.txt")).exists();
        assertThat(inbox.resolve("processed/good.csv")).exists();
        assertThat(result.out()).contains("ignored").contains("rejected");
        assertThat(jdbc.queryForList("SELECT file_name, status FROM etl.source_file ORDER BY file_name"))
                .extracting(r -> r.get("file_name") + "=" + r.get("status"))
                .containsExactly("good.csv=loaded", "no-status.csv=rejected", "notes.txt=ignored");
    }

    @Test
    void personalDataReachesNoTableLogOrSummary() throws Exception {
        ExportCsv.create()
                .add(row("HAL-50", "01-03-2024 09:00"))
                .add(row("HAL-51", "01-03-2024 09:00").set("Aantal gesprekken", "veel"))
                .add(row("HAL-52", "01-03-2024 09:00").set("Type aanvrager", "Onbekend"))
                .write(inbox.resolve("personal.csv"));
        Cli.Result result = load();
        String everything = result.out() + result.err()
                + Files.readString(inbox.resolveSibling(inbox.getFileName() + "-summary.json"))
                + WarehouseDump.allText(jdbc);
        for (String personal : ExportCsv.PERSONAL) {
            assertThat(everything).doesNotContain(personal);
        }
        for (String requestNumber : List.of("HAL-50", "HAL-51", "HAL-52")) {
            assertThat(everything).as("request numbers are stored only as pseudonyms").doesNotContain(requestNumber);
        }
        assertThat(WarehouseDump.allText(jdbc)).contains("veel");   // the dump does see non-personal reject values
    }
}
