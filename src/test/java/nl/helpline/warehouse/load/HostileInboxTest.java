package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.FileTree;
import nl.helpline.warehouse.support.HostileExports;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.PseudonymKey;
import nl.helpline.warehouse.warehouse.Pseudonymizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox as a real drop folder sees it: a file still being written, a named pipe, links
 * (dangling, to an export outside, to /dev/zero), a folder named like an export, a *.part file,
 * a long name delivered again, an export copied with its old modification time, exports whose
 * values the database refuses, one too big, one without a required column, a note, a hidden
 * file, and the hostile contents of {@link HostileExports} (a zip bomb, a DOCTYPE, odd sheet XML,
 * a column beyond XFD, a shared-string index of 2^31-1, NUL bytes, a stray quote that swallows
 * records). After each, sorted by name, a good export. One nightly run: every good row loads, every
 * entry has a status and a reason that names it, exit 1, and nothing outside the inbox changed.
 *
 * <p>The cases are a table: add a row (name, how to write it, what it must end as).
 */
class HostileInboxTest {

    /** 8 + 240 + 4 = 252 bytes: with a piece of its SHA-256 added, the archive name would pass 255. */
    private static final String LONG_NAME = "08-" + "x".repeat(245) + ".csv";

    @TempDir
    Path work;

    TestDatabase db;
    JdbcTemplate jdbc;
    Path inbox;
    Path outside;
    final Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY));
    final AtomicBoolean writing = new AtomicBoolean(true);
    final AtomicInteger grownRows = new AtomicInteger();
    Thread writer;

    @FunctionalInterface
    interface Writer {
        void write(Path entry) throws Exception;
    }

    /** What the entry must end as: one of these statuses, and (when given) these words in its reason. */
    record Case(String name, Writer writer, Set<FileStatus> expected, String reasonSays) {
    }

    List<Case> cases() {
        return List.of(
                new Case("01-growing.csv", this::growing, Set.of(FileStatus.WAITING), "still being written"),
                new Case("02-pipe.csv", entry -> command("mkfifo", entry.toString()), Set.of(FileStatus.REJECTED), "named pipe"),
                new Case("03-dangling-link.csv", entry -> Files.createSymbolicLink(entry, outside.resolve("does-not-exist.csv")),
                        Set.of(FileStatus.REJECTED), "symbolic link"),
                new Case("04-link-to-an-export.csv", entry -> Files.createSymbolicLink(entry, outside.resolve("export-outside.csv")),
                        Set.of(FileStatus.REJECTED), "symbolic link"),
                new Case("05-link-to-dev-zero.csv", entry -> Files.createSymbolicLink(entry, Path.of("/dev/zero")),
                        Set.of(FileStatus.REJECTED), "symbolic link"),
                new Case("06-a-folder.csv", entry -> {
                    Files.createDirectory(entry);
                    good(entry.resolve("inner.csv"), "INNER");
                }, Set.of(FileStatus.REJECTED), "folder"),
                new Case("07-export.csv.part", entry -> good(entry, "PART"), Set.of(FileStatus.IGNORED), "*.part"),
                new Case(LONG_NAME, entry -> good(entry, "LONG"), Set.of(FileStatus.LOADED), null),
                new Case("09-copied-with-old-mtime.csv", entry -> {
                    good(entry, "OLD");
                    Files.setLastModifiedTime(entry, FileTime.from(Instant.parse("2015-03-01T00:00:00Z")));
                }, Set.of(FileStatus.LOADED), null),
                new Case("10-year-zero.csv", entry -> ExportCsv.create()
                        .add(row("ZERO-1", "01-03-2024 09:00").set("Datum binnenkomst", "01-01-0000"))
                        .add(row("ZERO-2", "01-03-2024 09:00")).write(entry), Set.of(FileStatus.REJECTED, FileStatus.LOADED), null),
                new Case("11-nul-byte.csv", entry -> ExportCsv.create()
                        .add(row("NUL-1", "01-03-2024 09:00").set("Eerste contact", "Tele\u0000foon"))
                        .add(row("NUL-2", "01-03-2024 09:00")).write(entry), Set.of(FileStatus.REJECTED, FileStatus.LOADED), null),
                new Case("12-too-big.csv", entry -> {
                    good(entry, "BIG");
                    try (RandomAccessFile file = new RandomAccessFile(entry.toFile(), "rw")) {
                        file.setLength(3L << 20);   // sparse: 3 MB against a limit of 1 MB
                    }
                }, Set.of(FileStatus.REJECTED), "more than"),
                new Case("13-no-status-column.csv", entry -> ExportCsv.withHeader(ExportCsv.HEADER.stream().filter(h -> !h.equals("Status")).toList())
                        .add(row("NOSTATUS-1", "01-03-2024 09:00")).write(entry), Set.of(FileStatus.REJECTED), "Status"),
                new Case("14-notes.txt", entry -> Files.writeString(entry, "not an export"), Set.of(FileStatus.IGNORED), "not an export"),
                new Case(".15-hidden.csv", entry -> good(entry, "HIDDEN"), Set.of(), null),
                // Hostile contents (support/HostileExports; each outcome is stated exactly in the extract tests).
                new Case("16-zip-bomb.xlsx", HostileExports::zipBomb, Set.of(FileStatus.REJECTED), "expands to more than"),
                new Case("17-doctype.xlsx", HostileExports::doctypeInStyles, Set.of(FileStatus.REJECTED), "DOCTYPE"),
                new Case("18-row-number-abc.xlsx", entry -> HostileExports.oddSheetXml(entry, "row-number-not-a-number"),
                        Set.of(FileStatus.REJECTED), "row"),
                new Case("19-style-x.xlsx", entry -> HostileExports.oddSheetXml(entry, "style-not-a-number"),
                        Set.of(FileStatus.REJECTED), "B3"),
                new Case("20-column-zzzzzz.xlsx", HostileExports::hugeColumnReference, Set.of(FileStatus.REJECTED), "beyond column XFD"),
                new Case("21-shared-string-2147483647.xlsx", HostileExports::hugeSharedStringIndex, Set.of(FileStatus.REJECTED),
                        "shared string"),
                new Case("22-nul-in-header.csv", HostileExports::nulInHeader, Set.of(FileStatus.REJECTED), "control character"),
                new Case("23-stray-quote.csv", entry -> HostileExports.strayQuote(entry, 50), Set.of(FileStatus.REJECTED), "Toelichting"),
                new Case("24-nul-in-a-code.csv", HostileExports::nulInCodedValue, Set.of(FileStatus.LOADED), null));
    }

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create();
        jdbc = db.jdbc();
        inbox = Files.createDirectories(work.resolve("inbox"));
        outside = Files.createDirectories(work.resolve("outside"));
        good(outside.resolve("export-outside.csv"), "OUTSIDE");
        System.setProperty("warehouse.inbox.max-file-size", "1MB");
        // The nightly run with retention as configured, but no reports: this test is about the inbox.
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("schedule.yml"), "retention_days: 365\ndefinitions: []\n");
        System.setProperty("warehouse.jobs-dir", jobs.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty("warehouse.inbox.max-file-size");
        System.clearProperty("warehouse.jobs-dir");
        db.drop();
        writing.set(false);
        if (writer != null) {
            writer.join(5_000);
        }
    }

    @Test
    void everyEntryGetsAStatusEveryGoodRowLoadsAndNothingOutsideTheInboxChanges() throws Exception {
        // The long name was delivered before, with other bytes: its archive name is taken.
        good(inbox.resolve(LONG_NAME), "LONG-EARLIER");
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);
        // Retention goes by the warehouse's record: this archive is due (archived 400 days ago by the record) ...
        jdbc.update("UPDATE etl.source_file SET archived_at = now() - interval '400 days'");
        // ... a file in processed/ the warehouse never archived is not its to delete, however old.
        Path stranger = Files.writeString(inbox.resolve("processed/put-here-by-hand.csv"), "kept");
        Files.setLastModifiedTime(stranger, FileTime.from(Instant.parse("2015-03-01T00:00:00Z")));

        List<Case> cases = cases();
        List<String> goodPrefixes = new ArrayList<>(List.of("LONG", "OLD"));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            c.writer().write(inbox.resolve(c.name()));
            String goodName = String.format("%02dz-good.csv", i + 1);
            good(inbox.resolve(goodName), "G" + (i + 1));
            goodPrefixes.add("G" + (i + 1));
        }
        Map<String, String> outsideBefore = FileTree.snapshot(outside);
        Path summaryFile = work.resolve("summary.json");

        Cli.Result run = Cli.run(db, "run", "--inbox", inbox.toString(), "--out", work.resolve("out").toString(),
                "--night", "2024-05-01", "--summary", summaryFile.toString(), "--settle", "400ms");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        for (String prefix : goodPrefixes) {
            assertThat(loaded(prefix + "-1") && loaded(prefix + "-2")).as("the good rows of " + prefix + " load in the same run").isTrue();
        }
        for (String never : List.of("PART", "INNER", "OUTSIDE", "HIDDEN", "BIG", "NOSTATUS")) {
            assertThat(loaded(never + "-1")).as(never + " is not read").isFalse();
        }
        assertThat(FileTree.snapshot(outside)).as("nothing outside the inbox changed").isEqualTo(outsideBefore);
        assertThat(outside.resolve("does-not-exist.csv")).doesNotExist();

        JsonNode summary = JsonMapper.shared().readTree(Files.readString(summaryFile));
        for (Case c : cases) {
            String shown = FileNames.display(Path.of(c.name()));
            List<Map<String, Object>> records = jdbc.queryForList(
                    "SELECT status, reason, archived_to, rows_rejected FROM etl.source_file WHERE file_name = ? AND job_execution_id = ?",
                    shown, summary.get("jobExecutionId").asLong());
            if (c.expected().isEmpty()) {
                assertThat(records).as(c.name() + " is silently left alone").isEmpty();
                assertThat(inbox.resolve(c.name())).exists();
                continue;
            }
            assertThat(records).as(c.name() + " has exactly one status").hasSize(1);
            Map<String, Object> record = records.get(0);
            FileStatus status = FileStatus.valueOf(((String) record.get("status")).toUpperCase());
            assertThat(c.expected()).as(c.name() + " ended as " + record).contains(status);
            String reason = (String) record.get("reason");
            if (c.reasonSays() != null) {
                assertThat(reason).as(c.name()).contains(c.reasonSays());
            }
            assertThat(run.out()).as("the summary names " + c.name()).contains(shown.length() <= 40 ? shown : shown.substring(shown.length() - 39));
            assertThat(statusInJson(summary, shown)).as(c.name() + " in the JSON summary").isEqualTo(status.code());
            if (status == FileStatus.REJECTED) {
                assertThat(reason).as("the reason names the file").contains(shown);
                Path archived = Path.of((String) record.get("archived_to"));
                assertThat(archived.getParent()).isEqualTo(inbox.resolve("rejected"));
                assertThat(Files.exists(archived, LinkOption.NOFOLLOW_LINKS)).as(c.name() + " moved to rejected/").isTrue();
                assertThat(Files.readString(archived.resolveSibling(archived.getFileName() + ".reason.txt"))).contains(shown);
                assertThat(Files.exists(inbox.resolve(c.name()), LinkOption.NOFOLLOW_LINKS)).as(c.name() + " left the inbox").isFalse();
            } else if (status == FileStatus.LOADED && c.expected().size() > 1) {
                assertThat((Long) record.get("rows_rejected")).as(c.name() + ": loaded, then the bad row is rejected").isEqualTo(1L);
            }
        }
        // The link's target was never read, the pipe never opened: they moved as what they are.
        assertThat(Files.isSymbolicLink(inbox.resolve("rejected/05-link-to-dev-zero.csv"))).isTrue();
        assertThat(Files.isDirectory(inbox.resolve("rejected/06-a-folder.csv"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        // Still where it was: the part file, the note, the growing file.
        assertThat(inbox.resolve("07-export.csv.part")).exists();
        assertThat(inbox.resolve("14-notes.txt")).exists();
        assertThat(inbox.resolve("01-growing.csv")).exists();
        // The long name's second delivery got an archive name that fits (its first one's was taken).
        // Retention purged the first delivery's archive by its record, and kept the cp -p copy archived today.
        try (var processed = Files.list(inbox.resolve("processed"))) {
            List<String> names = processed.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("09-copied-with-old-mtime.csv", "put-here-by-hand.csv").doesNotContain(LONG_NAME);
            assertThat(names).filteredOn(n -> n.startsWith("08-xxx")).singleElement()
                    .satisfies(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.source_file WHERE purged_at IS NOT NULL AND archived_to LIKE ?",
                Long.class, "%/" + LONG_NAME)).isEqualTo(1);
        assertThat(run.out()).contains("1 archived export files");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl.source_file WHERE archive_problem IS NOT NULL", Long.class)).isZero();

        // Once the writer has finished, the next run loads the whole file: no half-written file was loaded.
        writing.set(false);
        writer.join(5_000);
        Cli.Result next = Cli.run(db, "load", "--inbox", inbox.toString());
        assertThat(next.exitCode()).as(next.toString()).isIn(ExitCode.OK, ExitCode.DONE_WITH_REJECTS);
        assertThat(jdbc.queryForObject("SELECT status FROM etl.source_file WHERE file_name = '01-growing.csv' ORDER BY file_id DESC LIMIT 1",
                String.class)).isEqualTo("loaded");
        assertThat(grownRows.get()).isGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT rows_loaded FROM etl.source_file WHERE file_name = '01-growing.csv' AND status = 'loaded'",
                Long.class)).as("every row the writer wrote").isEqualTo(grownRows.get());
        assertThat(loaded("GROW-0") && loaded("GROW-" + (grownRows.get() - 1))).isTrue();
    }

    private static String statusInJson(JsonNode summary, String name) {
        for (JsonNode file : summary.get("files")) {
            if (file.get("name").asString().equals(name)) {
                return file.get("status").asString();
            }
        }
        return null;
    }

    /** A writer that appends a row every few milliseconds until the test says stop. */
    private void growing(Path entry) throws Exception {
        Files.writeString(entry, String.join(";", ExportCsv.HEADER) + "\r\n");
        appendRow(entry);
        writer = new Thread(() -> {
            while (writing.get()) {
                try {
                    appendRow(entry);
                    Thread.sleep(10);
                } catch (Exception e) {
                    return;
                }
            }
        }, "exporter");
        writer.setDaemon(true);
        writer.start();
    }

    private void appendRow(Path entry) throws Exception {
        Path one = work.resolve("one-row.csv");
        ExportCsv.create().add(row("GROW-" + grownRows.get(), "01-03-2024 09:00")).write(one);
        String text = Files.readString(one);
        Files.writeString(entry, text.substring(text.indexOf("\r\n") + 2), StandardOpenOption.APPEND);
        grownRows.incrementAndGet();
    }

    private static Path good(Path file, String prefix) {
        return ExportCsv.create()
                .add(row(prefix + "-1", "01-03-2024 09:00"))
                .add(row(prefix + "-2", "01-03-2024 09:00").set("Eerste contact", "E-mail"))
                .write(file);
    }

    private boolean loaded(String requestNumber) {
        return jdbc.queryForObject("SELECT count(*) FROM dw.fact_request f JOIN etl.request_version v USING (request_key) WHERE v.request_pseudonym = ?", Long.class,
                (Object) pseudonymizer.pseudonym(requestNumber)) == 1;
    }

    private static void command(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }
}
