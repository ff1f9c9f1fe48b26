package nl.helpline.warehouse.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.load.LoadRunner;
import nl.helpline.warehouse.report.Period;
import nl.helpline.warehouse.report.PeriodCounts;
import nl.helpline.warehouse.report.Members;
import nl.helpline.warehouse.report.ReleasedModel;
import nl.helpline.warehouse.report.ReportDefinition;
import nl.helpline.warehouse.report.ReportProtection;
import nl.helpline.warehouse.report.ReportService;
import nl.helpline.warehouse.verify.Findings;
import nl.helpline.warehouse.verify.WarehouseChecks;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/**
 * What a night costs on a warehouse of a given size, beyond start-up: an empty inbox, a file of
 * about 1,000 rows (new versions of existing requests and new requests, as the case system
 * exports them), a report of one year with its exact audit, and the full verify. Start-up
 * itself is timed as a whole command in a second JVM and broken down in-process.
 */
final class IncrementalBenchmark {

    /** About 1,000 rows: the generator writes ~1.29 rows per request (older versions included). */
    private static final long SMALL_FILE_REQUESTS = 773;

    private final LoadBenchmark.Settings settings;
    private final Path dir;
    private final LoadBenchmark.Opener opener;
    private final PrintStream out;

    IncrementalBenchmark(LoadBenchmark.Settings settings, Path dir, LoadBenchmark.Opener opener, PrintStream out) {
        this.settings = settings;
        this.dir = dir;
        this.opener = opener;
        this.out = out;
    }

    void run() throws Exception {
        out.printf(Locale.ROOT, "%n== A night on a warehouse of %,d requests (times beyond start-up)%n", settings.warehouseSize());
        commandsInSecondJvm();

        BufferingApplicationStartup recorder = StartupFigures.recorder();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = opener.open(dir.resolve("data"), recorder);
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            StartupFigures.print(recorder, LoadBenchmark.seconds(start), out);
            DataSource dataSource = context.getBean(DataSource.class);
            LoadRunner runner = context.getBean(LoadRunner.class);

            Path empty = Files.createDirectories(dir.resolve("empty-inbox"));
            List<Double> emptyRuns = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                emptyRuns.add(timedLoad(runner, empty));
            }
            out.printf(Locale.ROOT, "empty inbox                              %5.2f s best of %s  (target <= 0.5)%n",
                    best(emptyRuns), list(emptyRuns));

            LoadBenchmark loads = new LoadBenchmark(settings, opener, out);
            for (long seed = 43; seed <= 45; seed++) {
                Path inbox = dir.resolve("night-" + seed);
                LoadBenchmark.Generated file = loads.generate(SMALL_FILE_REQUESTS, seed, inbox);
                double seconds = timedLoad(runner, inbox);
                Map<String, Object> outcome = new JdbcTemplate(dataSource).queryForMap(
                        "SELECT rows_read, rows_loaded, rows_superseded FROM etl.source_file WHERE file_name = ?",
                        file.file().getFileName().toString());
                out.printf(Locale.ROOT, "file of %,d rows (%s read, %s loaded, %s superseded)  %5.2f s  (target <= 1)%n",
                        file.rows(), outcome.get("rows_read"), outcome.get("rows_loaded"), outcome.get("rows_superseded"), seconds);
            }

            report(context, dataSource);

            start = System.nanoTime();
            Findings verified = new WarehouseChecks(dataSource).verify(context.getBean(PlatformTransactionManager.class));
            out.printf(Locale.ROOT, "verify (the whole warehouse)             %5.1f s  (%s)%n", LoadBenchmark.seconds(start), verified.summary());
        }
    }

    private static double timedLoad(LoadRunner runner, Path inbox) throws Exception {
        long start = System.nanoTime();
        LoadRunner.LoadResult result = runner.load(inbox);
        double seconds = LoadBenchmark.seconds(start);
        if (!result.completed()) {
            throw new IllegalStateException("A benchmark load failed: " + result.failure());
        }
        return seconds;
    }

    /** The report of one year: the true counts, the protection with its exact audit, and the whole write. */
    private void report(ConfigurableApplicationContext context, DataSource dataSource) throws Exception {
        Period period = Period.parse(Integer.toString(settings.reportYear()));
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        ReportDefinition definition = ReportDefinition.load(Path.of("jobs"), "helpline");
        ReportService reports = context.getBean(ReportService.class);
        Path outbox = dir.resolve("out");
        for (int attempt = 1; attempt <= 2; attempt++) {
            long start = System.nanoTime();
            Map<String, PeriodCounts.TableCounts> counts = new PeriodCounts(dataSource, transaction).count(definition, period);
            double countSeconds = LoadBenchmark.seconds(start);
            start = System.nanoTime();
            Members members = Members.of(dataSource, definition, period);
            double membersSeconds = LoadBenchmark.seconds(start);
            start = System.nanoTime();
            ReportProtection.protect(definition, period, counts, members, ReleasedModel.none());
            double protectSeconds = LoadBenchmark.seconds(start);
            start = System.nanoTime();
            ReportService.Written written = reports.write(definition.name(), period, null, outbox);
            double writeSeconds = LoadBenchmark.seconds(start);
            out.printf(Locale.ROOT, "report %s (%,d requests)%s        %5.2f s  (target <= 2): counting %.2f s, members %.2f s, protection and audit %.2f s%n",
                    period.label(), written.report().total(), attempt == 1 ? "           " : ", again    ", writeSeconds, countSeconds,
                    membersSeconds, protectSeconds);
        }
    }

    /**
     * Whole commands, as an operator runs them, each in a new JVM: `--help` (the JVM alone),
     * `status` (start-up: JVM, Spring, embedded PostgreSQL, Flyway validation, one query) and
     * `report` of the year (start-up and the report, cold). Then the same from the jar extracted
     * with a class-data archive of a training run (AppCDS): classes are mapped, not loaded and
     * verified, at each start.
     */
    private void commandsInSecondJvm() throws IOException, InterruptedException {
        if (settings.jar() == null || !Files.isRegularFile(settings.jar())) {
            out.println("whole commands in a new JVM              (not measured: not started from the jar with the embedded warehouse)");
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> status = List.of("status", "--last", "1", "--data-dir", dir.resolve("data").toString());
        List<String> report = List.of("report", "--period", Integer.toString(settings.reportYear()), "--out",
                dir.resolve("out-cli").toString(), "--data-dir", dir.resolve("data").toString());
        List<String> fat = List.of(java, "-jar", settings.jar().toString());
        double help = best(times(2, join(fat, List.of("--help"))));
        List<Double> statusTimes = times(2, join(fat, status));
        List<Double> reportTimes = times(2, join(fat, report));
        out.printf(Locale.ROOT, "new JVM: `--help` (the JVM alone)        %5.2f s%n", help);
        out.printf(Locale.ROOT, "new JVM: `status` = start-up (JVM, Spring, embedded PostgreSQL, Flyway validation, one query)  %5.2f s best of %s%n",
                best(statusTimes), list(statusTimes));
        out.printf(Locale.ROOT, "new JVM: `report --period %d`              %5.2f s best of %s: %.2f s beyond start-up (target <= 2)%n",
                settings.reportYear(), best(reportTimes), list(reportTimes), best(reportTimes) - best(statusTimes));

        Path cds = dir.resolve("cds");
        command(List.of(java, "-Djarmode=tools", "-jar", settings.jar().toString(), "extract", "--destination", cds.toString()));
        Path archive = cds.resolve("application.jsa");
        String extracted = cds.resolve(settings.jar().getFileName()).toString();
        command(join(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted), report));   // the training run
        List<String> archived = List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", extracted);
        List<Double> statusCds = times(2, join(archived, status));
        List<Double> reportCds = times(2, join(archived, report));
        out.printf(Locale.ROOT, "new JVM with AppCDS: `status`            %5.2f s best of %s%n", best(statusCds), list(statusCds));
        out.printf(Locale.ROOT, "new JVM with AppCDS: `report --period %d`  %5.2f s best of %s: %.2f s beyond start-up%n",
                settings.reportYear(), best(reportCds), list(reportCds), best(reportCds) - best(statusCds));
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Double> times(int n, List<String> command) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(command(command));
        }
        return times;
    }

    private static double command(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Exit " + p.exitValue() + ": " + String.join(" ", command));
        }
        return LoadBenchmark.seconds(start);
    }

    private static double best(List<Double> seconds) {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static String list(List<Double> seconds) {
        return seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList().toString();
    }
}
