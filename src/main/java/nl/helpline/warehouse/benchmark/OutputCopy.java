package nl.helpline.warehouse.benchmark;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The write limit's second half (b): a plain {@code COPY} of exactly the rows the load produced
 * into empty tables with the same columns and indexes. The rows are first copied out to files
 * (not timed); then all tables are copied in within one transaction, commit included.
 */
final class OutputCopy {

    record Table(String name, long rows, long bytes, int indexes, double seconds) {
    }

    record Figures(List<Table> tables, double seconds, Cpu.Sample cpu) {
        void print(PrintStream out) {
            long rows = tables.stream().mapToLong(Table::rows).sum();
            long bytes = tables.stream().mapToLong(Table::bytes).sum();
            int indexes = tables.stream().mapToInt(Table::indexes).sum();
            out.printf(Locale.ROOT, "(b) plain COPY of the load's output      %5.1f s  (%,d rows, %,.0f MB as COPY text, into %d tables with %d indexes)  %s%n",
                    seconds, rows, bytes / 1e6, tables.size(), indexes, cpu.describe(cpu.server() >= 0));
            for (Table t : tables) {
                out.printf(Locale.ROOT, "      %-36s %5.1f s  %,12d rows %,8.0f MB %,5.0f bytes/row  %d indexes%n",
                        t.name(), t.seconds(), t.rows(), t.bytes() / 1e6, t.rows() == 0 ? 0.0 : (double) t.bytes() / t.rows(), t.indexes());
            }
        }
    }

    private OutputCopy() {
    }

    static Figures measure(DataSource dataSource, Path dir, Cpu cpu) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        List<String> clones = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : LoadBenchmark.OUTPUT_TABLES) {
                Path file = dir.resolve(table + ".copy");
                try (OutputStream o = Files.newOutputStream(file)) {
                    rows.add(copy.copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", o));
                }
                files.add(file);
                String clone = "staging.benchmark_output_" + table.replace('.', '_');
                clones.add(clone);
                s.execute("DROP TABLE IF EXISTS " + clone);
                s.execute("CREATE TABLE " + clone + " (LIKE " + table + " INCLUDING INDEXES)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_index WHERE indrelid = '" + clone + "'::regclass")) {
                    rs.next();
                    indexes.add(rs.getInt(1));
                }
            }
            LoadBenchmark.checkpoint(dataSource);   // the load's own writes are not charged to this copy

            List<Table> tables = new ArrayList<>();
            connection.setAutoCommit(false);
            Cpu.Sample cpuBefore = cpu.now();
            long start = System.nanoTime();
            for (int i = 0; i < clones.size(); i++) {
                long t = System.nanoTime();
                try (InputStream in = Files.newInputStream(files.get(i))) {
                    copy.copyIn("COPY " + clones.get(i) + " FROM STDIN", in);
                }
                tables.add(new Table(LoadBenchmark.OUTPUT_TABLES.get(i), rows.get(i), Files.size(files.get(i)), indexes.get(i),
                        LoadBenchmark.seconds(t)));
            }
            connection.commit();
            double seconds = LoadBenchmark.seconds(start);
            Cpu.Sample cpuUsed = cpu.now().minus(cpuBefore);
            connection.setAutoCommit(true);
            for (String clone : clones) {
                s.execute("DROP TABLE " + clone);
            }
            for (Path file : files) {
                Files.delete(file);
            }
            Files.deleteIfExists(dir);
            return new Figures(tables, seconds, cpuUsed);
        }
    }
}
