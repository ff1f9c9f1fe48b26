package nl.helpline.warehouse.mart;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * Times the typical BI queries (sql/bench/mart_bi_queries.sql) over synthetic facts, before and
 * after the BI indexes of V11. Not a test: it asserts nothing, and runs only when asked:
 * <pre>./mvnw -o test -Dtest=MartQueryBenchmark -Dmart.benchmark=true [-Dmart.benchmark.requests=1000000]</pre>
 * Each query is run once to warm the cache, then {@code RUNS} times under
 * {@code EXPLAIN (ANALYZE, TIMING OFF)}; it prints the median execution time, the buffers touched
 * (a figure that does not depend on what else the machine is doing) and the plan's shape.
 */
@EnabledIfSystemProperty(named = "mart.benchmark", matches = "true")
class MartQueryBenchmark {

    private static final int RUNS = 7;
    private static final Pattern QUERY = Pattern.compile("^-- query: (\\S+)\\n", Pattern.MULTILINE);
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

    @Test
    void beforeAndAfterTheBiIndexes() throws SQLException {
        int requests = Integer.getInteger("mart.benchmark.requests", 1_000_000);
        TestDatabase db = TestDatabase.create();
        Warehouses.migrate(db, MigrationVersion.fromVersion("40"));
        try (Connection c = DriverManager.getConnection(db.url())) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                String script = SqlFiles.load("bench/mart_synthetic_facts.sql").replace(":requests", Integer.toString(requests));
                for (String sql : SqlFiles.statements(script)) {
                    s.execute(sql);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            vacuum(c);
            System.out.printf("%n%,d synthetic requests in %d s%n", requests, (System.nanoTime() - start) / 1_000_000_000);
            System.out.println(oneLine(c, "SELECT 'bridges: ' || (SELECT count(*) FROM dw.bridge_request_phenomenon) || ' phenomena, ' || (SELECT count(*) FROM dw.bridge_request_help_question) || ' help questions, ' || (SELECT count(*) FROM dw.bridge_request_support) || ' support'"));
            Map<String, Figures> before = measureAll(c);
            Warehouses.migrate(db, MigrationVersion.LATEST);
            vacuum(c);
            Map<String, Figures> after = measureAll(c);
            System.out.println(oneLine(c, "SELECT string_agg(relname || ' ' || pg_size_pretty(pg_relation_size(oid)), ', ' ORDER BY relname) FROM pg_class WHERE relname LIKE '%bi_idx' OR relname LIKE 'bridge%by%idx'"));
            System.out.printf("%n%-52s %22s %22s%n", "query", "before: ms (buffers)", "after: ms (buffers)");
            before.forEach((name, b) -> {
                Figures a = after.get(name);
                System.out.printf("%-52s %10.1f (%9d) %10.1f (%9d)%n", name, b.medianMs, b.buffers, a.medianMs, a.buffers);
            });
            System.out.println("\nplans before → after:");
            before.forEach((name, b) -> System.out.printf("%s%n    before: %s%n    after:  %s%n", name, b.shape, after.get(name).shape));
        }
    }

    private static void vacuum(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
    }

    private static Map<String, Figures> measureAll(Connection c) throws SQLException {
        Map<String, Figures> result = new LinkedHashMap<>();
        String file = SqlFiles.load("bench/mart_bi_queries.sql");
        Matcher names = QUERY.matcher(file);
        String[] bodies = QUERY.split(file);
        for (int i = 1; names.find(); i++) {
            String sql = bodies[i].strip();
            result.put(names.group(1), measure(c, sql.substring(0, sql.lastIndexOf(';'))));
        }
        return result;
    }

    private static Figures measure(Connection c, String sql) throws SQLException {
        explain(c, "ANALYZE, TIMING OFF", sql);
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = executionMs(explain(c, "ANALYZE, TIMING OFF", sql));
        }
        Arrays.sort(times);
        List<String> plan = explain(c, "ANALYZE, TIMING OFF, COSTS OFF, BUFFERS", sql);
        long buffers = 0;
        Matcher b = BUFFERS.matcher(plan.get(firstBuffers(plan)));
        if (b.find()) {
            buffers = (b.group(1) == null ? 0 : Long.parseLong(b.group(1))) + (b.group(2) == null ? 0 : Long.parseLong(b.group(2)));
        }
        List<String> shape = new ArrayList<>();
        for (String line : plan) {
            String node = line.strip().replaceFirst("^->\\s+", "").replaceFirst("\\s+\\(actual.*$", "");
            if (node.matches(".*(Scan|Join|Nested Loop|Aggregate).*") && !node.contains(":")) {
                shape.add(node);
            }
        }
        return new Figures(times[RUNS / 2], buffers, String.join(" / ", shape));
    }

    private static int firstBuffers(List<String> plan) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).strip().startsWith("Buffers:")) {
                return i;
            }
        }
        return 0;
    }

    private static double executionMs(List<String> plan) {
        for (String line : plan) {
            if (line.strip().startsWith("Execution Time:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        throw new IllegalStateException("no execution time in " + plan);
    }

    private static List<String> explain(Connection c, String options, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (" + options + ") " + sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static String oneLine(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private record Figures(double medianMs, long buffers, String shape) {
    }
}
