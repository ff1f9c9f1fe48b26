package nl.helpline.warehouse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import nl.helpline.warehouse.generate.ExportFormat;
import nl.helpline.warehouse.generate.ExportGenerator;
import nl.helpline.warehouse.generate.GeneratedExport;
import nl.helpline.warehouse.generate.GeneratorSpec;
import nl.helpline.warehouse.load.LoadRunner;
import nl.helpline.warehouse.verify.Findings;
import nl.helpline.warehouse.verify.WarehouseChecks;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/**
 * How fast the load is against what PostgreSQL can do at best with the same input and output,
 * measured side by side in one process on one server (issue 12):
 *
 * <ol>
 * <li>(a) reading: a plain {@code COPY} of the export into a table of text columns, no parsing,
 *     no validation, no transform;
 * <li>(b) writing: a plain {@code COPY} of exactly the rows the load produced (facts, bridges,
 *     {@code etl.request_version}) into empty tables with the same indexes;
 * <li>(c) the load itself, all of it: extract, staging, transform, the file's and the run's checks.
 * </ol>
 *
 * (a) + (b) is the write limit; the load should take at most 1.5 times that. With a warehouse
 * size it then times what a night costs on a warehouse of that size: start-up, an empty inbox, a
 * file of about 1,000 rows, a report of one year, and the full {@code verify}.
 */
public final class LoadBenchmark {

    /** The tables a load writes its output to (the write limit's (b)). */
    static final List<String> OUTPUT_TABLES = List.of("dw.fact_request", "dw.bridge_request_phenomenon",
            "dw.bridge_request_help_question", "dw.bridge_request_support", "etl.request_version");

    /** Opens the benchmark's warehouse; the startup recorder breaks down where start-up goes. */
    @FunctionalInterface
    public interface Opener {
        /** {@code dataDir}: the embedded warehouse's folder (ignored when the warehouse is given). */
        ConfigurableApplicationContext open(Path dataDir, ApplicationStartup startup);
    }

    /**
     * @param requests      requests in the bulk export
     * @param warehouseSize the warehouse for the incremental figures; 0 for none, {@code requests}
     *                      to reuse the bulk load's warehouse
     * @param from          first received date of the generated requests
     * @param to            last received date (and the export day)
     * @param reportYear    the year whose report is timed
     * @param work          the folder for exports and embedded warehouses
     * @param jar           the application jar, to time a whole command in a second JVM against
     *                      the embedded warehouse (null: skip)
     */
    public record Settings(long requests, long warehouseSize, LocalDate from, LocalDate to, int reportYear,
                           Path work, Path jar) {
    }

    private final Settings settings;
    private final Opener opener;
    private final PrintStream out;

    public LoadBenchmark(Settings settings, Opener opener, PrintStream out) {
        this.settings = settings;
        this.opener = opener;
        this.out = out;
    }

    public void run() throws Exception {
        Machine.print(out);
        out.printf(Locale.ROOT, "JVM start to main                        %5.2f s%n", Machine.jvmToMainSeconds());
        Path work = settings.work();
        if (settings.requests() > 0) {
            bulk(work.resolve("bulk"));
        }
        if (settings.warehouseSize() > 0) {
            Path warehouse = settings.warehouseSize() == settings.requests() ? work.resolve("bulk") : work.resolve("incremental");
            if (warehouse.endsWith("incremental")) {
                seed(warehouse);
            }
            new IncrementalBenchmark(settings, warehouse, opener, out).run();
        }
        Machine.printLoad(out);
    }

    private void bulk(Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        out.printf(Locale.ROOT, "%n== Bulk load: %,d requests into an empty warehouse%n", settings.requests());
        long start = System.nanoTime();
        Generated export = generate(settings.requests(), GeneratorSpec.DEFAULT_SEED, inbox);
        double generateSeconds = seconds(start);
        Path file = export.file();
        out.printf(Locale.ROOT, "generated                                %,d requests, %,d rows, %,.1f MB CSV in %.1f s%n",
                settings.requests(), export.rows(), export.bytes() / 1e6, generateSeconds);
        Path plainCopyFile = dir.resolve("plain-copy.csv");
        Files.copy(file, plainCopyFile, StandardCopyOption.REPLACE_EXISTING);

        start = System.nanoTime();
        try (ConfigurableApplicationContext context = opener.open(dir.resolve("data"), ApplicationStartup.DEFAULT);
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            out.printf(Locale.ROOT, "first start (creates the warehouse)      %5.2f s%n", seconds(start));
            DataSource dataSource = context.getBean(DataSource.class);
            Cpu cpu = Cpu.of(dataSource);
            Memory.resetPeaks();
            Cpu.Sample cpuBefore = cpu.now();
            start = System.nanoTime();
            LoadRunner.LoadResult result = context.getBean(LoadRunner.class).load(inbox);
            double loadSeconds = seconds(start);
            Cpu.Sample loadCpu = cpu.now().minus(cpuBefore);
            if (!result.completed()) {
                throw new IllegalStateException("The benchmark load failed: " + result.failure());
            }
            long peakHeap = Memory.peakHeap();
            long peakRss = Memory.peakRss();

            checkpoint(dataSource);
            cpuBefore = cpu.now();
            double plainCopySeconds = plainCopy(dataSource, plainCopyFile);
            Cpu.Sample plainCopyCpu = cpu.now().minus(cpuBefore);
            Files.deleteIfExists(plainCopyFile);
            OutputCopy.Figures output = OutputCopy.measure(dataSource, dir.resolve("output"), cpu);
            double limit = plainCopySeconds + output.seconds();
            boolean server = cpu.seesServer();

            out.printf(Locale.ROOT, "(a) plain COPY of the export into text   %5.1f s  (%,.0f rows/s)  %s%n", plainCopySeconds,
                    export.rows() / plainCopySeconds, plainCopyCpu.describe(server));
            output.print(out);
            out.printf(Locale.ROOT, "write limit (a) + (b)                    %5.1f s  %s%n", limit,
                    plainCopyCpu.plus(output.cpu()).describe(server));
            out.printf(Locale.ROOT, "(c) the load (extract, COPY, transform, checks)  %5.1f s  (%,.0f rows/s)  %s%n", loadSeconds,
                    export.rows() / loadSeconds, loadCpu.describe(server));
            out.printf(Locale.ROOT, "ratio load / write limit  (c)/((a)+(b))  %5.2f  (target <= 1.5)%s%n", loadSeconds / limit,
                    server ? String.format(Locale.ROOT, "; in CPU time %.2f", loadCpu.total() / plainCopyCpu.plus(output.cpu()).total()) : "");
            out.printf(Locale.ROOT, "ratio load / plain COPY   (c)/(a)        %5.2f  (the first issue's measure; asked 2.5)%s%n",
                    loadSeconds / plainCopySeconds,
                    server ? String.format(Locale.ROOT, "; in CPU time %.2f", loadCpu.total() / plainCopyCpu.total()) : "");
            out.printf(Locale.ROOT, "memory during the load                   peak heap %,.0f MB of %,.0f MB; peak RSS of the JVM %,.0f MB%n",
                    peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6, peakRss / 1e6);

            start = System.nanoTime();
            Findings verified = new WarehouseChecks(dataSource).verify(context.getBean(PlatformTransactionManager.class));
            out.printf(Locale.ROOT, "verify (the whole warehouse)             %5.1f s  (%s)%n", seconds(start), verified.summary());
            if (!verified.inOrder()) {
                throw new IllegalStateException("The loaded warehouse is not in order: " + verified.summary());
            }
            vacuum(dataSource);
        }
    }

    /** A warehouse of the asked size for the incremental figures, when it is not the bulk one. */
    private void seed(Path dir) throws Exception {
        Path inbox = dir.resolve("inbox");
        out.printf(Locale.ROOT, "%n== Seeding a warehouse of %,d requests%n", settings.warehouseSize());
        Generated export = generate(settings.warehouseSize(), GeneratorSpec.DEFAULT_SEED, inbox);
        try (ConfigurableApplicationContext context = opener.open(dir.resolve("data"), ApplicationStartup.DEFAULT);
             WarehouseLock lock = WarehouseLock.acquire(context.getBean(DataSource.class))) {
            long start = System.nanoTime();
            LoadRunner.LoadResult result = context.getBean(LoadRunner.class).load(inbox);
            if (!result.completed()) {
                throw new IllegalStateException("Seeding failed: " + result.failure());
            }
            out.printf(Locale.ROOT, "loaded %,d rows in %.1f s%n", export.rows(), seconds(start));
            vacuum(context.getBean(DataSource.class));
        }
    }

    /** Writes the dirty pages out, so one measurement is not charged with the writes of the one before. */
    static void checkpoint(DataSource dataSource) {
        try {
            new JdbcTemplate(dataSource).execute("CHECKPOINT");
        } catch (RuntimeException notAllowed) {
            // CHECKPOINT needs a superuser (or pg_checkpoint): then the figures include some of it
        }
    }

    /** What autovacuum does soon after a load; the incremental figures are for a settled warehouse. */
    private static void vacuum(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : OUTPUT_TABLES) {
            jdbc.execute("VACUUM (ANALYZE) " + table);
        }
    }

    /** A generated export, moved into an inbox under a name of its own. */
    record Generated(Path file, long rows, long bytes) {
    }

    Generated generate(long requests, long seed, Path inbox) throws IOException {
        Path dir = inbox.resolveSibling("generated-" + seed + "-" + requests);
        GeneratedExport export = ExportGenerator.generate(GeneratorSpec.of(requests, settings.from(), settings.to())
                .withSeed(seed).withFiles(1).withFormat(ExportFormat.CSV), dir);
        Files.createDirectories(inbox);
        Path target = inbox.resolve("export-" + seed + "-" + requests + ".csv");
        Files.move(export.files().get(0).path(), target, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir);
        return new Generated(target, export.rows(), Files.size(target));
    }

    private static double plainCopy(DataSource dataSource, Path file) throws Exception {
        String header;
        try (var reader = Files.newBufferedReader(file)) {
            header = reader.readLine();
        }
        char delimiter = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count() ? ';' : ',';
        int columns = header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1).length;
        StringBuilder table = new StringBuilder("CREATE TABLE staging.benchmark_plain_copy (");
        for (int i = 1; i <= columns; i++) {
            table.append(i > 1 ? ", " : "").append("c").append(i).append(" text");
        }
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS staging.benchmark_plain_copy");
            s.execute(table.append(")").toString());
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY staging.benchmark_plain_copy FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER '"
                        + delimiter + "')", in);
            }
            double seconds = seconds(start);
            s.execute("DROP TABLE staging.benchmark_plain_copy");
            return seconds;
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Peaks of heap and resident memory. */
    static final class Memory {

        private Memory() {
        }

        static void resetPeaks() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            // Linux resets VmHWM to the current RSS on this write (clear_refs 5); where it cannot,
            // the peak is the process's since it started.
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                // not Linux, or not allowed: the peak stays the process's
            }
        }

        /** Sum of the heap pools' peaks: an upper bound of the heap needed at once. */
        static long peakHeap() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }

        /** The process's peak resident memory (VmHWM), where Linux tells it. */
        static long peakRss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }
    }

    /** The machine the figures were measured on. */
    static final class Machine {

        private Machine() {
        }

        static double jvmToMainSeconds() {
            return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        }

        static void print(PrintStream out) {
            out.printf(Locale.ROOT, "machine                                  %d cores, Java %s, max heap %,.0f MB, load average %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / 1e6, loadAverage());
        }

        static void printLoad(PrintStream out) {
            out.printf(Locale.ROOT, "%nload average at the end                  %s (the figures are only as quiet as the machine)%n", loadAverage());
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException | RuntimeException e) {
                return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
