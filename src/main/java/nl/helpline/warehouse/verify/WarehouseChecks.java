package nl.helpline.warehouse.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The warehouse's invariants, checked two ways: over the requests the loads touched since the
 * last check (what a run must prove, at the cost of what changed) and over the whole warehouse
 * (`verify`, and the schedule's verify nights, at the cost of what it holds). Both say what is
 * wrong in words an operator can act on.
 */
public final class WarehouseChecks {

    /** Each problem the checks count, as the SQL names it, and how it is told. */
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("without_version", "%,d touched requests have no version in etl.request_version");
        PROBLEMS.put("missing_from_facts", "%,d requests whose newest version stands are missing from the facts");
        PROBLEMS.put("withdrawn_in_facts", "%,d withdrawn (Vervallen) requests are still in the facts");
        PROBLEMS.put("facts_without_current_version", "%,d facts belong to no request whose newest version stands (withdrawn or unknown)");
        PROBLEMS.put("out_of_step", "%,d facts do not hold their request's newest version");
        PROBLEMS.put("sharing_a_key", "%,d requests share their key with another request");
        PROBLEMS.put("facts_with_missing_members", "%,d facts point at a dimension member that does not exist");
        PROBLEMS.put("bridge_rows_astray", "%,d bridge rows belong to no fact or point at a member that does not exist");
    }

    private final JdbcTemplate jdbc;

    public WarehouseChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public WarehouseChecks(DataSource dataSource) {
        this(new JdbcTemplate(dataSource));
    }

    /** Every request and every fact and bridge row of the warehouse. */
    public Findings everything() {
        Map<String, Object> counts = jdbc.queryForMap(SqlFiles.load("queries/warehouse_invariants.sql"));
        List<String> problems = problems(counts);
        long versions = number(counts, "current_versions");
        long facts = number(counts, "facts");
        if (versions != facts && problems.isEmpty()) {
            // Cannot happen when the counts above are zero; said anyway rather than trusted.
            problems.add(String.format(Locale.ROOT, "%,d requests have a standing version but the facts hold %,d rows", versions, facts));
        }
        return new Findings("the whole warehouse", number(counts, "requests"), problems);
    }

    /**
     * The whole warehouse, in one transaction; when it is in order, the requests waiting for a
     * run's check are proven too, and forgotten.
     */
    public Findings verify(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            Findings findings = everything();
            if (findings.inOrder()) {
                forgetTouched();
            }
            return findings;
        });
    }

    /** The requests the loads touched since the last check that passed (etl.run_touched). */
    public Findings touched() {
        // Fresh statistics: the list may hold ten requests or a million, and the plan must fit.
        jdbc.execute("ANALYZE etl.run_touched");
        Map<String, Object> counts = jdbc.queryForMap(SqlFiles.load("queries/run_invariants.sql"));
        return new Findings("the requests this run touched", number(counts, "requests"), problems(counts));
    }

    /**
     * What waits for a run's check: files, whether the list of touched requests is whole, and
     * about how many requests the warehouse holds.
     */
    public record Pending(long files, long expected, long listed, long requestsEstimate, boolean everything) {
        /** A crash of PostgreSQL empties the unlogged list, but not the files' counts. */
        public boolean complete() {
            return expected == listed;
        }

        /**
         * Reading a touched request costs a few index lookups; reading the whole warehouse costs
         * a sequential pass, several times cheaper per request. When the run touched a quarter of
         * the warehouse or more (a first load, a full re-export), the whole is the cheaper proof.
         */
        public boolean cheaperToCheckEverything() {
            return everything || listed * 4 >= requestsEstimate;
        }
    }

    public Pending pending() {
        Map<String, Object> counts = jdbc.queryForMap(SqlFiles.load("queries/run_touched_count.sql"));
        return new Pending(number(counts, "files"), number(counts, "expected"), number(counts, "listed"),
                number(counts, "requests_estimate"), number(counts, "everything") > 0);
    }

    /** The touched requests are proven in order (call inside the transaction that proved it). */
    public void forgetTouched() {
        for (String statement : SqlFiles.loadStatements("queries/run_touched_clear.sql")) {
            jdbc.execute(statement);
        }
    }

    private static List<String> problems(Map<String, Object> counts) {
        List<String> problems = new ArrayList<>();
        PROBLEMS.forEach((column, text) -> {
            if (counts.containsKey(column) && number(counts, column) != 0) {
                problems.add(String.format(Locale.ROOT, text, number(counts, column)));
            }
        });
        return problems;
    }

    private static long number(Map<String, Object> counts, String column) {
        Object value = counts.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
