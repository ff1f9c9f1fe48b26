package nl.helpline.warehouse.load;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.FileTree;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * Whoever can write the inbox cannot make the load write anywhere else: links planted as its
 * folders or as a reason file's name are refused, and nothing outside the inbox changes.
 */
class InboxWritesTest {

    @TempDir
    Path work;

    TestDatabase db;
    Path inbox;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.create();
        inbox = Files.createDirectories(work.resolve("inbox"));
        outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("pseudonym.key"), "the only copy of the key");
        Files.createDirectories(outside.resolve("folder"));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void linksPlantedAsTheInboxFoldersOrAsAReasonFileAreRefusedAndNothingOutsideChanges() throws Exception {
        Path key = outside.resolve("pseudonym.key");
        ExportCsv.create().add(row("HAL-1", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        List<String> header = ExportCsv.HEADER.stream().filter(h -> !h.equals("Status")).toList();
        ExportCsv.withHeader(header).add(row("HAL-2", "01-03-2024 09:00")).write(inbox.resolve("bad.csv"));
        ExportCsv.withHeader(header).add(row("HAL-3", "01-03-2024 09:00")).write(inbox.resolve("worse.csv"));
        Map<String, String> before = FileTree.snapshot(outside);

        // A link as processed/ or as the work folder, and a folder of someone else's: refused before anything moves.
        for (String folder : List.of("processed", ".work", "rejected")) {
            Path planted = inbox.resolve(folder);
            String expected;
            if (folder.equals("rejected")) {
                Files.createDirectories(planted);
                Files.setAttribute(planted, "unix:uid", 4321);   // as root: someone else's folder
                expected = planted + " belongs to user id 4321";
            } else {
                Files.createSymbolicLink(planted, outside.resolve("folder"));
                expected = planted + " is a symbolic link, not a folder; the load writes nothing through it";
            }
            Cli.Result result = Cli.run(db, "load", "--inbox", inbox.toString());
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(result.err()).as(folder).contains(expected);
            assertThat(FileTree.snapshot(outside)).as("nothing outside the inbox changed (" + folder + ")").isEqualTo(before);
            assertThat(inbox.resolve("a.csv")).as("the export waits in the inbox").exists();
            assertThat(db.jdbc().queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isZero();
            Files.delete(planted);
        }

        // Links planted as the reason files of the two rejects: to the key (overwrite it), dangling (create a file).
        Path rejected = Files.createDirectories(inbox.resolve("rejected"));
        Files.createSymbolicLink(rejected.resolve("bad.csv.reason.txt"), key);
        Files.createSymbolicLink(rejected.resolve("worse.csv.reason.txt"), outside.resolve("new-file"));
        before = FileTree.snapshot(outside);
        Cli.Result result = Cli.run(db, "load", "--inbox", inbox.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(inbox.resolve("processed/a.csv")).exists();
        assertThat(Files.isSymbolicLink(inbox.resolve("processed"))).isFalse();
        assertThat(FileTree.snapshot(outside)).as("nothing outside the inbox changed").isEqualTo(before);
        assertThat(Files.readString(key)).isEqualTo("the only copy of the key");
        assertThat(outside.resolve("new-file")).doesNotExist();
        // The rejected files went to names whose reason file was free, and say why there.
        assertThat(Files.isSymbolicLink(rejected.resolve("bad.csv.reason.txt"))).isTrue();
        List<String> archived = db.jdbc().queryForList("SELECT archived_to FROM etl.source_file WHERE status = 'rejected' ORDER BY file_name",
                String.class);
        assertThat(archived).hasSize(2).allSatisfy(path -> {
            Path file = Path.of(path);
            assertThat(file.getParent()).isEqualTo(rejected);
            assertThat(file.getFileName().toString()).isNotIn("bad.csv", "worse.csv");
            Path reason = file.resolveSibling(file.getFileName() + ".reason.txt");
            assertThat(Files.isSymbolicLink(reason)).isFalse();
            assertThat(Files.readString(reason)).contains("required column missing: Status");
        });
        assertThat(Files.exists(inbox.resolve("bad.csv"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
