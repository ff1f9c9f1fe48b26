package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * A reject says "add it under channel in mappings.yml". Doing so, then delivering the same file
 * again, makes the row load (the rows that loaded before count as superseded, nothing is
 * doubled); so does {@code load --reprocess NAME} without a new delivery.
 */
class MappingFixTest {

    @TempDir
    Path work;

    TestDatabase db;
    JdbcTemplate jdbc;
    Path inbox;
    Path mappings;
    byte[] export;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create();
        jdbc = db.jdbc();
        inbox = Files.createDirectories(work.resolve("inbox"));
        mappings = Files.writeString(work.resolve("mappings.yml"), Files.readString(Path.of("jobs/mappings.yml")));
        System.setProperty("warehouse.mappings", mappings.toString());
        Path file = ExportCsv.create()
                .add(row("HAL-1", "01-03-2024 09:00"))
                .add(row("HAL-2", "01-03-2024 09:00").set("Eerste contact", "Postduif"))
                .add(row("HAL-3", "01-03-2024 09:00").set("Eerste contact", "E-mail"))
                .write(work.resolve("export-2024-03-01.csv"));
        export = Files.readAllBytes(file);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("warehouse.mappings");
        db.drop();
    }

    private Cli.Result load(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("load", "--inbox", inbox.toString()));
        args.addAll(List.of(more));
        return Cli.run(db, args.toArray(String[]::new));
    }

    private void deliver() throws Exception {
        Files.write(inbox.resolve("export-2024-03-01.csv"), export);
    }

    private void fixTheMapping() throws Exception {
        // What the reject advises: the new spelling under its code.
        Files.writeString(mappings, Files.readString(mappings).replace("OTHER: [Anders, Overig]", "OTHER: [Anders, Overig, Postduif]"));
    }

    private long facts() {
        return jdbc.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class);
    }

    private Map<String, Object> lastRead() {
        return jdbc.queryForMap("SELECT status, rows_read, rows_loaded, rows_superseded, rows_rejected, reprocess_of IS NOT NULL AS reread"
                + " FROM etl.source_file ORDER BY file_id DESC LIMIT 1");
    }

    @Test
    void deliveringTheSameFileAfterTheMappingWasFixedLoadsTheRejectedRowAndNothingIsDoubled() throws Exception {
        deliver();
        Cli.Result first = load();
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(first.out()).contains("add it under channel in mappings.yml");
        assertThat(facts()).isEqualTo(2);

        fixTheMapping();
        deliver();
        Cli.Result fixed = load();
        assertThat(fixed.exitCode()).as(fixed.toString()).isEqualTo(ExitCode.OK);
        assertThat(lastRead()).containsEntry("status", "loaded").containsEntry("reread", true)
                .containsEntry("rows_read", 3L).containsEntry("rows_loaded", 1L).containsEntry("rows_superseded", 2L)
                .containsEntry("rows_rejected", 0L);
        assertThat(facts()).as("the formerly rejected row loaded, nothing doubled").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dw.bridge_request_phenomenon", Long.class)).isEqualTo(6);

        // The same warehouse as one that read the file once with the fixed mapping.
        TestDatabase reference = TestDatabase.create();
        Path referenceInbox = Files.createDirectories(work.resolve("reference"));
        Files.write(referenceInbox.resolve("export-2024-03-01.csv"), export);
        assertThat(Cli.run(reference, "load", "--inbox", referenceInbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(WarehouseDump.state(jdbc)).isEqualTo(WarehouseDump.state(reference.jdbc()));
        reference.drop();

        deliver();   // once more, the mapping unchanged since: a plain duplicate
        assertThat(load().exitCode()).isEqualTo(ExitCode.OK);
        assertThat(lastRead()).containsEntry("status", "duplicate");
        assertThat(facts()).isEqualTo(3);
    }

    @Test
    void reprocessPutsTheArchivedFileBackAndReadsItAgain() throws Exception {
        deliver();
        List<String> header = ExportCsv.HEADER.stream().map(h -> h.equals("Status") ? "Staat" : h).toList();
        ExportCsv.withHeader(header).add(row("HAL-9", "01-03-2024 09:00").set("Staat", "Afgesloten")).write(inbox.resolve("renamed.csv"));
        assertThat(load().exitCode()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(inbox.resolve("processed/export-2024-03-01.csv")).exists();
        assertThat(inbox.resolve("rejected/renamed.csv.reason.txt")).exists();

        fixTheMapping();
        Cli.Result reprocessed = load("--reprocess", "export-2024-03-01.csv");
        assertThat(reprocessed.exitCode()).as(reprocessed.toString()).isEqualTo(ExitCode.OK);
        assertThat(lastRead()).containsEntry("status", "loaded").containsEntry("reread", true)
                .containsEntry("rows_loaded", 1L).containsEntry("rows_superseded", 2L);
        assertThat(facts()).isEqualTo(3);
        try (var processed = Files.list(inbox.resolve("processed"))) {
            assertThat(processed.map(p -> p.getFileName().toString())).as("archived once, not twice")
                    .containsExactly("export-2024-03-01.csv");
        }

        // A rejected file comes back from rejected/ (its reason file goes) and is read again.
        Cli.Result again = load("--reprocess", "renamed.csv");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(jdbc.queryForList("SELECT status FROM etl.source_file WHERE file_name = 'renamed.csv' ORDER BY file_id", String.class))
                .containsExactly("rejected", "rejected");
        assertThat(inbox.resolve("rejected/renamed.csv")).as("archived again under its own name").exists();
        assertThat(Files.readString(inbox.resolve("rejected/renamed.csv.reason.txt"))).contains("Status");
        assertThat(facts()).isEqualTo(3);

        Cli.Result unknown = load("--reprocess", "never-delivered.csv");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().strip()).contains("No archived file named 'never-delivered.csv'").doesNotContain("\n");
    }
}
