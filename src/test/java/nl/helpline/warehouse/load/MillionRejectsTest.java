package nl.helpline.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.SecondJvm;
import nl.helpline.warehouse.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A nightly run over a file of a million rejected rows, in a 512 MB heap: it finishes, says so
 * with exit code 1, and its summary (screen and JSON) lists the first rejects per file and counts
 * the rest; all of them are in etl.reject. Before, the run did its work and then died of
 * OutOfMemoryError building the summary, with exit code 1 (the JVM's), which schedulers count
 * as "done with rejects". The one slow test of the load (about half a minute).
 */
class MillionRejectsTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path work;

    @Test
    void aMillionBadRowsIn512MbFinishWithExitOneAndABoundedSummary() throws Exception {
        TestDatabase db = TestDatabase.create();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        // The required columns only, every row with a channel nobody knows: streamed, never held.
        try (BufferedWriter out = Files.newBufferedWriter(inbox.resolve("export-2024-03-01.csv"), StandardCharsets.UTF_8)) {
            out.write("Verzoeknummer;Laatst gewijzigd;Datum binnenkomst;Status;Eerste contact;Type aanvrager\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("HAL-" + i + ";01-03-2024 09:00;10-01-2024;Open;Postduif;Burger\r\n");
            }
        }
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("schedule.yml"), "definitions: []\n");   // the load is what is measured here
        Path summaryFile = work.resolve("summary.json");
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");

        Process run = SecondJvm.start(db, stdout, stderr, List.of("-Xmx512m", "-Dwarehouse.jobs-dir=" + jobs), Map.of(),
                "run", "--inbox", inbox.toString(), "--out", work.resolve("out").toString(), "--night", "2024-05-01",
                "--summary", summaryFile.toString());
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(stdout);
        String err = Files.readString(stderr);

        assertThat(run.exitValue()).as(out + err).isEqualTo(ExitCode.DONE_WITH_REJECTS);
        assertThat(err).doesNotContain("OutOfMemoryError");
        assertThat(out).contains("... and " + (ROWS - 5) + " more rejected rows");
        assertThat(out.lines().count()).as("the screen summary is a screen").isLessThan(40);
        JsonNode file = JsonMapper.shared().readTree(summaryFile.toFile()).get("files").get(0);
        assertThat(file.get("rejected").asLong()).isEqualTo(ROWS);
        assertThat(file.get("rejects").size()).isEqualTo(LoadRunner.REJECTS_PER_FILE);
        assertThat(file.get("rejectsNotListed").asLong()).isEqualTo(ROWS - LoadRunner.REJECTS_PER_FILE);
        assertThat(Files.size(summaryFile)).isLessThan(64 * 1024);
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM etl.reject", Long.class)).isEqualTo(ROWS);
        db.drop();   // a million reject records: not for the rest of the suite to carry
    }
}
