package nl.helpline.warehouse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import nl.helpline.warehouse.generate.GeneratedExport;
import nl.helpline.warehouse.load.LoadRunner;

/**
 * How fast the load is, against the fastest thing PostgreSQL can do with the same file: a plain
 * {@code COPY} into a table of text columns, no parsing, no validation, no transform. Both run
 * on one warehouse in one process, so the figures compare like with like.
 */
public final class LoadBenchmark {

    public record Figures(long requests, long rows, long fileBytes, double generateSeconds, double loadSeconds,
                          double plainCopySeconds, long peakHeapBytes, long maxHeapBytes, long peakRssBytes) {
        public double ratio() {
            return loadSeconds / plainCopySeconds;
        }
    }

    private LoadBenchmark() {
    }

    public static Figures run(GeneratedExport export, double generateSeconds, Path inbox, LoadRunner runner,
                              DataSource dataSource) throws Exception {
        Path file = export.files().get(0).path();
        long bytes = Files.size(file);
        Path copyOfFile = inbox.resolveSibling("plain-copy-" + file.getFileName());
        Files.copy(file, copyOfFile);

        resetPeaks();
        long start = System.nanoTime();
        LoadRunner.LoadResult result = runner.load(inbox);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        if (!result.completed()) {
            throw new IllegalStateException("The benchmark load failed: " + result.failure());
        }
        long peakHeap = peakHeap();

        double copySeconds = plainCopy(dataSource, copyOfFile);
        Files.deleteIfExists(copyOfFile);
        return new Figures(export.spec().requests(), export.rows(), bytes, generateSeconds, loadSeconds, copySeconds,
                peakHeap, Runtime.getRuntime().maxMemory(), peakRss());
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
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE staging.benchmark_plain_copy");
            return seconds;
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap the load needed at once. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The process's peak resident memory (VmHWM), where Linux tells it. */
    private static long peakRss() {
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

    public static void print(Figures f, PrintStream out) {
        out.printf("requests generated     %,d (%,d rows, %,.1f MB CSV) in %.1f s%n", f.requests(), f.rows(), f.fileBytes() / 1e6, f.generateSeconds());
        out.printf("load (extract+COPY+transform+reconcile)  %.1f s  (%,.0f rows/s)%n", f.loadSeconds(), f.rows() / f.loadSeconds());
        out.printf("plain COPY into text table               %.1f s  (%,.0f rows/s)%n", f.plainCopySeconds(), f.rows() / f.plainCopySeconds());
        out.printf("ratio load / plain COPY                  %.2f  (target <= 2.5)%n", f.ratio());
        out.printf("peak heap during load                    %,.0f MB of %,.0f MB max heap; peak RSS %,.0f MB%n",
                f.peakHeapBytes() / 1e6, f.maxHeapBytes() / 1e6, f.peakRssBytes() / 1e6);
    }
}
