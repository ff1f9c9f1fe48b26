package nl.helpline.warehouse.load;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The set-based transform of one staged file ({@code sql/load/*.sql}), inside the file's
 * transaction: newest version per request, request versions, facts, bridges, and the list of
 * touched requests for the run's reconciliation.
 *
 * <p>A large file gets more memory for its sorts and hashes (per transaction, {@code SET LOCAL}),
 * and a file at least as large as the warehouse is loaded without the secondary indexes of the
 * facts and bridges, which are built again afterwards, still inside the transaction: building an
 * index from sorted data costs a fraction of maintaining it row by row (measured: a million
 * facts and three million bridge rows, about 40 % less work). Building costs what the table
 * holds, hence only when the file is at least that large. Readers of those tables wait for the
 * file's commit meanwhile (the index drop locks them).
 */
final class Transform {

    private static final Logger log = LoggerFactory.getLogger(Transform.class);

    /**
     * From this many staged rows a file counts as large (system property warehouse.large-file,
     * for trials and tests; the default suits the measured break-even).
     */
    static long largeFile() {
        return Long.getLong("warehouse.large-file", 100_000);
    }

    private static final String WINNERS = "load/10_latest_versions.sql";
    private static final List<String> WRITES = List.of(
            "load/20_request_versions.sql", "load/30_facts.sql", "load/40_bridges.sql");
    private static final String TOUCHED = "load/50_run_touched.sql";
    private static final String TOUCHED_EVERYTHING = "load/50_run_touched_everything.sql";

    private record SecondaryIndex(String name, String definition, String description) {
    }

    private final JdbcTemplate jdbc;

    Transform(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the transform; returns the winners: the requests whose state the file changed. */
    long run(String fileName, long staged) {
        if (staged >= largeFile()) {
            // Sorts of a million staged rows spill less to disk; the planner's statistics of the
            // staged rows come from a smaller sample (the plans are bulk plans either way).
            jdbc.execute("SET LOCAL work_mem = '256MB'");
            jdbc.execute("SET LOCAL maintenance_work_mem = '512MB'");
            jdbc.execute("SET LOCAL default_statistics_target = 10");
        }
        execute(WINNERS);
        long winners = jdbc.queryForObject("SELECT count(*) FROM file_winner", Long.class);
        List<SecondaryIndex> rebuilt = List.of();
        if (winners >= largeFile() && winners >= jdbc.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)) {
            rebuilt = jdbc.query(SqlFiles.load("load/secondary_indexes.sql"),
                    (rs, i) -> new SecondaryIndex(rs.getString("name"), rs.getString("definition"), rs.getString("description")));
            log.info("{}: {} requests change, at least as many as the warehouse holds: loading without {} secondary indexes "
                    + "and building them afterwards", fileName, winners, rebuilt.size());
            for (SecondaryIndex index : rebuilt) {
                jdbc.execute("DROP INDEX " + index.name());
            }
        }
        for (String script : WRITES) {
            execute(script);
        }
        // As large as the warehouse: the run checks everything instead of a list as long as it.
        execute(rebuilt.isEmpty() ? TOUCHED : TOUCHED_EVERYTHING);
        for (SecondaryIndex index : rebuilt) {
            long t = System.nanoTime();
            jdbc.execute(index.definition());
            if (index.description() != null) {
                jdbc.execute(index.description());
            }
            log.debug("{} ms: built {}", (System.nanoTime() - t) / 1_000_000, index.name());
        }
        return winners;
    }

    private void execute(String script) {
        for (String statement : SqlFiles.loadStatements(script)) {
            long t = System.nanoTime();
            jdbc.execute(statement);
            if (log.isDebugEnabled()) {
                log.debug("{} ms: {}", (System.nanoTime() - t) / 1_000_000, statement.lines().findFirst().orElse(""));
            }
        }
    }
}
