package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.helpline.warehouse.benchmark.LoadBenchmark;

/** Outside the tests on purpose: it measures, it does not judge. */
final class BenchmarkCommand implements Command {

    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "time a bulk load against the write limit, and a night on a large warehouse";
    }

    @Override
    public String help() {
        return """
                Usage: java -Xmx512m -jar helpline-warehouse.jar benchmark [--requests N] [--warehouse-size M]
                                                                    [--report-year Y] [--work DIR] [database options]

                Bulk load: generates N requests (default 1,000,000; received 2021-2025, older versions
                included) into one CSV export, loads it into a new warehouse (c), then measures the
                write limit on the same server: (a) a plain COPY of the export into a table of text
                columns, and (b) a plain COPY of exactly the rows the load produced (facts, bridges,
                etl.request_version) into empty tables with the same indexes. Prints the three times,
                load / (a+b) (target 1.5), load / (a), peak heap and peak RSS, and the time of verify.

                A night (with --warehouse-size M; default: N, reusing the bulk load's warehouse; 0: skip):
                start-up of a whole command in a second JVM and where in-process start-up goes, then,
                beyond start-up, an empty inbox, three files of about 1,000 rows, the report of year Y
                (default 2024) with its audit, and verify. With M other than N a second warehouse of M
                requests is loaded first.

                Without --data-dir or --db-url every warehouse is a new embedded one under the work
                folder (default target/benchmark), which is removed first. Run it on a quiet machine:
                the figures are only as steady as the machine (the load average is printed).
                """ + WarehouseSession.DATABASE_HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(Set.of("requests", "warehouse-size", "report-year", "work"));
        Options options = Options.parse(name(), args, valued, Set.of());
        long requests = options.number("requests", 1_000_000);
        long warehouseSize = options.number("warehouse-size", requests);
        int reportYear = (int) options.number("report-year", 2024);
        if (requests < 0 || warehouseSize < 0) {
            throw new UsageException("--requests and --warehouse-size are 0 or more");
        }
        Path work = options.path("work").orElse(Path.of("target", "benchmark"));
        deleteRecursively(work);
        Files.createDirectories(work);
        boolean given = options.string("data-dir").isPresent() || options.string("db-url").isPresent();
        String classPath = System.getProperty("java.class.path", "");
        Path jar = !given && classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) ? Path.of(classPath) : null;

        LoadBenchmark.Settings settings = new LoadBenchmark.Settings(requests, warehouseSize, FROM, TO, reportYear, work, jar);
        new LoadBenchmark(settings, (dataDir, startup) -> {
            // The benchmark's exports are written before the load and complete: no settle interval in the figures.
            Map<String, Object> properties = new LinkedHashMap<>(Map.of("warehouse.inbox.settle", "0ms"));
            if (!given) {
                properties.put("warehouse.data-dir", dataDir.toString());
            }
            return WarehouseSession.open(options, properties, true, startup);
        }, out).run();
        return ExitCode.OK;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
