package nl.helpline.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import nl.helpline.warehouse.benchmark.LoadBenchmark;
import nl.helpline.warehouse.generate.ExportFormat;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedExport;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.load.LoadRunner;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/** Outside the tests on purpose: it measures, it does not judge. */
final class BenchmarkCommand implements Command {

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "time the load of N generated requests against a plain COPY of the same file";
    }

    @Override
    public String help() {
        return """
                Usage: java -Xmx512m -jar helpline-warehouse.jar benchmark [--requests N] [--work DIR] [database options]

                Generates N requests (default 1,000,000) into one CSV export, loads it into a fresh
                warehouse, then COPYs the same file into a table of text columns, and prints both
                times, their ratio and the peak memory. Without --data-dir or --db-url it uses a new
                embedded warehouse under the work folder (default target/benchmark), removed first.
                """ + WarehouseSession.DATABASE_HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(WarehouseSession.DATABASE_OPTIONS);
        valued.addAll(Set.of("requests", "work"));
        Options options = Options.parse(name(), args, valued, Set.of());
        long requests = options.number("requests", 1_000_000);
        Path work = options.path("work").orElse(Path.of("target", "benchmark"));
        deleteRecursively(work);
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);

        long start = System.nanoTime();
        GeneratedExport export = ExportGenerator.generate(GeneratorSpec.of(requests, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))
                .withFiles(1).withFormat(ExportFormat.CSV), inbox);
        double generateSeconds = (System.nanoTime() - start) / 1e9;

        // The export was just written and is complete: no settle interval in the figure.
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("warehouse.inbox.settle", "0ms"));
        if (options.string("data-dir").isEmpty() && options.string("db-url").isEmpty()) {
            properties.put("warehouse.data-dir", work.resolve("data").toString());
        }
        try (ConfigurableApplicationContext context = WarehouseSession.open(options, properties);
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            LoadBenchmark.Figures figures = LoadBenchmark.run(export, generateSeconds, inbox,
                    context.getBean(LoadRunner.class), context.getBean(DataSource.class));
            LoadBenchmark.print(figures, out);
        }
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
