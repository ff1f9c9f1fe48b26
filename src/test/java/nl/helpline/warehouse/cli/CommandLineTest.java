package nl.helpline.warehouse.cli;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;

/**
 * Every usage error: exit 2, one sentence on standard error, nothing done. And a JVM error
 * (OutOfMemoryError above all) is a failure, 3, never the JVM's own 1, which a scheduler would
 * count as "done with rejects".
 */
class CommandLineTest {

    @TempDir
    Path work;

    private static void assertUsage(Cli.Result result, String says) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err().strip()).as("one sentence").contains(says).doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void wrongOptionsAreUsageErrorsAndNothingIsDone() throws Exception {
        Path dataDir = work.resolve("data");
        Path file = Files.writeString(work.resolve("afile"), "x");
        Path inbox = Files.createDirectories(work.resolve("inbox"));

        assertUsage(Cli.run("load", "--inbox", inbox.toString(), "--data-dir", dataDir.toString(), "--db-url", "jdbc:postgresql://nowhere/dw"),
                "--data-dir (the embedded warehouse) and --db-url (an external PostgreSQL) exclude each other");
        assertThat(dataDir).doesNotExist();
        assertUsage(Cli.run("status", "--data-dir", dataDir.toString(), "--db-url=jdbc:postgresql://nowhere/dw"), "exclude each other");

        assertUsage(Cli.run("report", "--period", "2024-H1", "--out", file.toString(), "--data-dir", dataDir.toString()),
                "--out " + file + " is a file, not a folder");
        assertUsage(Cli.run("run", "--out", file.toString(), "--inbox", inbox.toString(), "--data-dir", dataDir.toString()), "is a file, not a folder");
        assertUsage(Cli.run("run", "--inbox", file.toString(), "--data-dir", dataDir.toString()), "--inbox " + file + " is a file");
        assertUsage(Cli.run("run", "--night", "yesterday", "--inbox", inbox.toString(), "--data-dir", dataDir.toString()),
                "--night must be a date like 2024-05-14");
        assertUsage(Cli.run("load", "--settle", "a while", "--inbox", inbox.toString(), "--data-dir", dataDir.toString()),
                "--settle is a duration such as 3s");
        assertUsage(Cli.run("load", "--summary", work.toString(), "--inbox", inbox.toString(), "--data-dir", dataDir.toString()),
                "is a folder; give a file name");
        assertThat(dataDir).as("no warehouse was created for a usage error").doesNotExist();

        assertUsage(Cli.run("status", "--log-format", "xml"), "--log-format is ecs, logstash or gelf, not 'xml'");
        assertUsage(Cli.run("status", "--last", "-5"), "--last must be a whole number from 1 to 10000, not '-5'");
        assertUsage(Cli.run("status", "--last", "0"), "--last must be a whole number from 1");
        assertUsage(Cli.run("status", "--last", "many"), "--last must be a whole number");

        Path generated = work.resolve("generated");
        assertUsage(Cli.run("generate", "--requests", "99999999999", "--from", "2024-01-01", "--to", "2024-12-31", "--out", generated.toString()),
                "--requests must be from 0 to 10,000,000");
        assertUsage(Cli.run("generate", "--requests", "10", "--from", "2024-01-01", "--to", "2024-12-31", "--out", file.toString()),
                "is a file, not a folder");
        assertUsage(Cli.run("generate", "--requests", "10", "--from", "2024-01-01", "--to", "2024-12-31", "--out", generated.toString(),
                "--files", "0"), "--files must be a whole number from 1 to 1000");
        assertUsage(Cli.run("generate", "--requests", "10", "--from", "2024-01-01", "--to", "2024-12-31", "--out", generated.toString(),
                "--bad-rows", "2"), "--bad-rows is a share from 0 to below 1");
        assertThat(generated).doesNotExist();
    }

    @Test
    void generateRefusesWhatTheDiskCannotHold() {
        assertThatThrownBy(() -> GenerateCommand.checkSpace(work, 1_000_000, 0.0, 3, 100L << 20))
                .isInstanceOf(UsageException.class)
                .hasMessage("1,000,000 requests need about 572 MB, but " + work + " has 100 MB free; ask for fewer");
        GenerateCommand.checkSpace(work, 1_000, 0.0, 3, 100L << 20);   // fits
    }

    @Test
    void aReportForAPeriodOutsideTheWarehousesDataIsRefusedAndNothingIsRegistered() throws Exception {
        TestDatabase db = TestDatabase.create();
        Path out = work.resolve("out");
        assertUsage(Cli.run(db, "report", "--period", "2024-H1", "--out", out.toString()),
                "The warehouse holds no requests yet; load exports before writing a report");

        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ExportCsv.create().add(row("HAL-1", "01-03-2024 09:00").set("Datum binnenkomst", "10-01-2024"))
                .add(row("HAL-2", "01-05-2024 09:00").set("Datum binnenkomst", "15-04-2024").set("Datum afgesloten", "20-04-2024"))
                .write(inbox.resolve("a.csv"));
        assertThat(Cli.run(db, "load", "--inbox", inbox.toString()).exitCode()).isEqualTo(ExitCode.OK);

        assertUsage(Cli.run(db, "report", "--period", "9999", "--out", out.toString()),
                "Period 9999 (9999-01-01 to 9999-12-31) lies outside the warehouse's data: it holds requests received from 2024-01-10 to 2024-04-15");
        assertUsage(Cli.run(db, "report", "--period", "2023-Q4", "--out", out.toString()), "lies outside the warehouse's data");
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM report.publication", Long.class)).isZero();
        assertThat(out).doesNotExist();
        db.drop();
    }

    @Test
    void anOutOfMemoryErrorExitsWithThreeNeverOne() {
        Command hungry = new Command() {
            @Override
            public String name() {
                return "hungry";
            }

            @Override
            public String summary() {
                return "runs out of memory";
            }

            @Override
            public String help() {
                return "";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new Main(List.of(hungry)).run(new String[] {"hungry"}, System.out, errStream);
        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ran out of memory").contains("-Xmx");

        // An error that escapes even run (while its result is printed, say): still 3.
        ByteArrayOutputStream late = new ByteArrayOutputStream();
        assertThat(Main.exitCode(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new PrintStream(late, true, StandardCharsets.UTF_8))).isEqualTo(ExitCode.FAILED);
        assertThat(late.toString(StandardCharsets.UTF_8)).contains("ran out of memory");
    }
}
