package nl.helpline.warehouse.cli;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.SecondJvm;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.PseudonymKey;
import nl.helpline.warehouse.warehouse.Pseudonymizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real command line in a JVM of its own, as cron starts it: no UTF-8 locale ({@code LANG=C},
 * so the JVM decodes file names as ASCII), logging on. Standard output holds only the result
 * (JSON that parses by itself); every log line is on standard error; file names that hold a
 * newline, non-ASCII letters or bytes that are not UTF-8 neither stop the inbox nor forge a line.
 */
class StandardStreamsTest {

    /** A name that tries to forge a log line and a summary line. */
    private static final String FORGED = "07:00:00 ERROR FileLoader payroll.csv: file rejected: forged";
    private static final String NEWLINE_NAME = "bad\n" + FORGED + "\nz.csv";

    @TempDir
    Path work;

    final Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.of(TestDatabase.PSEUDONYM_KEY));

    @Test
    void underLangCStdoutIsJsonAloneAndOddNamesLoadEscapedWithoutForgingALine() throws Exception {
        TestDatabase db = TestDatabase.create();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ExportCsv.create().add(row("UTF8-1", "01-03-2024 09:00")).write(inbox.resolve("verzoeken-café-één.csv"));
        ExportCsv.create().add(row("LATIN1-1", "01-03-2024 09:00")).write(work.resolve("latin1.csv"));
        // A name with a byte that is no UTF-8 at all (Windows-1252 'é'): only a shell can write it from here.
        command("sh", "-c", "mv \"$0\" \"$1\"$(printf '\\351').csv", work.resolve("latin1.csv").toString(),
                inbox.resolve("caf").toString());
        List<String> header = ExportCsv.HEADER.stream().filter(h -> !h.equals("Status")).toList();
        ExportCsv.withHeader(header).add(row("FORGE-1", "01-03-2024 09:00")).write(inbox.resolve(NEWLINE_NAME));

        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        Process load = SecondJvm.start(db, stdout, stderr, List.of("-Xmx256m"), Map.of("LANG", "C", "LC_ALL", "C"),
                "load", "--inbox", inbox.toString(), "--summary", "-");
        assertThat(load.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(load.exitValue()).as(out + err).isEqualTo(ExitCode.DONE_WITH_REJECTS);

        JsonNode summary = JsonMapper.shared().readTree(out);   // the whole of standard output, nothing before or after
        List<String> names = new ArrayList<>();
        summary.get("files").forEach(f -> names.add(f.get("name").asString() + "=" + f.get("status").asString()));
        assertThat(names).containsExactlyInAnyOrder("verzoeken-café-één.csv=loaded", "caf\\xe9.csv=loaded",
                "bad\\n" + FORGED + "\\nz.csv=rejected");
        assertThat(err).as("log lines are on standard error").contains("INFO").contains("caf\\xe9.csv");
        assertThat(err.lines()).as("no forged line").noneMatch(line -> line.startsWith(FORGED));
        assertThat(out.lines()).noneMatch(line -> line.startsWith(FORGED));

        assertThat(loaded(db, "UTF8-1")).isTrue();
        assertThat(loaded(db, "LATIN1-1")).isTrue();
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))).as("every export left the inbox").isEmpty();
        }
        // Names the JVM cannot write back as text are archived under the warehouse's own name.
        assertThat(db.jdbc().queryForList("SELECT archived_to FROM etl.source_file WHERE status = 'loaded'", String.class))
                .allSatisfy(path -> assertThat(Path.of(path).getFileName().toString()).matches("export-[0-9a-f]{16}\\.csv"));
        String rejected = db.jdbc().queryForObject("SELECT archived_to FROM etl.source_file WHERE status = 'rejected'", String.class);
        assertThat(Files.readAllLines(Path.of(rejected + ".reason.txt"))).singleElement().asString()
                .contains("bad\\n" + FORGED + "\\nz.csv").contains("required column missing: Status");

        // status --json with JSON log lines (ECS): standard output is still only the JSON.
        Process status = SecondJvm.start(db, stdout, stderr, List.of("-Xmx256m"), Map.of(), "status", "--json", "--log-format", "ecs");
        assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(status.exitValue()).as(out + err).isEqualTo(ExitCode.OK);
        JsonNode runs = JsonMapper.shared().readTree(out);
        assertThat(runs.get("runs").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(err.lines().filter(line -> line.startsWith("{"))).as("structured log lines, on standard error")
                .isNotEmpty().allSatisfy(line -> assertThat(JsonMapper.shared().readTree(line).has("@timestamp")).isTrue());
        db.drop();
    }

    private boolean loaded(TestDatabase db, String requestNumber) {
        return db.jdbc().queryForObject("SELECT count(*) FROM dw.fact_request f JOIN etl.request_version v USING (request_key) WHERE v.request_pseudonym = ?", Long.class,
                (Object) pseudonymizer.pseudonym(requestNumber)) == 1;
    }

    private static void command(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }
}
