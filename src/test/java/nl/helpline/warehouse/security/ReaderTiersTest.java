package nl.helpline.warehouse.security;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Cli;
import nl.helpline.warehouse.support.ExportCsv;
import nl.helpline.warehouse.support.TestDatabase;
import nl.helpline.warehouse.warehouse.WarehouseLock;

/**
 * The BI tier ({@code <database>_reader}) as a BI login would try it: it reads the released
 * cells and nothing else, cannot stop a run, and its logins carry a connection limit and a
 * statement timeout that really apply. Logins are made the documented way, etl.add_reader_login.
 */
class ReaderTiersTest {

    private static final String PASSWORD = "bi-login-secret-0123456789";
    /** The advisory key runs used to lock (WarehouseLock before this change). */
    private static final long OLD_RUN_LOCK_KEY = 0x48_65_6C_70_6C_69_6EL;
    private static final AtomicInteger LOGINS = new AtomicInteger();

    private static TestDatabase db;
    private static JdbcTemplate owner;
    private static String bi;

    @TempDir
    Path work;

    @BeforeAll
    static void aWarehouseWithAReleasedViewAndABiLogin() throws Exception {
        db = TestDatabase.create();
        Path empty = Files.createTempDirectory("reader-tiers-inbox");
        Cli.Result migrate = Cli.run(db, "load", "--inbox", empty.toString());
        assertEquals(ExitCode.OK, migrate.exitCode(), migrate::toString);
        owner = db.jdbc();
        // What the publication work puts in schema released, made after the migration by the migrating user.
        owner.execute("CREATE VIEW released.cell AS SELECT 'total'::text AS table_id, 'TOTAL'::text AS category, '12'::text AS shown_as");
        bi = newLogin("reader");
    }

    private static String newLogin(String tier) {
        String login = "bi_" + ProcessHandle.current().pid() + "_" + LOGINS.incrementAndGet();
        String said = owner.queryForObject("SELECT etl.add_reader_login(?, ?, ?)", String.class, login, PASSWORD, tier);
        assertThat(said).contains(login).contains(db.name() + "_" + tier);
        return login;
    }

    @Test
    void aBiLoginReadsTheReleasedCellsAndNothingElse() throws SQLException {
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT category || '=' || shown_as FROM released.cell")).containsExactly("TOTAL=12");
            List<String> everythingElse = owner.queryForList("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') "
                    + "AND n.nspname NOT IN ('released', 'pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1", String.class);
            assertThat(everythingElse).contains("mart.request", "mart.published_cell", "dw.fact_request", "etl.pseudonym_key",
                    "etl.run_lock", "report.publication", "report.published_cell", "batch.batch_job_execution", "staging.request_row");
            for (String relation : everythingElse) {
                assertRefused(s, "SELECT * FROM " + relation + " LIMIT 1");
            }
            assertRefused(s, "SELECT lo_create(0)");
            assertRefused(s, "SELECT lo_from_bytea(0, '\\x00')");
            assertRefused(s, "CREATE TEMP TABLE scratch (x int)");
            assertRefused(s, "CREATE TABLE released.scratch (x int)");
            assertRefused(s, "CREATE VIEW released.scratch AS SELECT 1");
            assertRefused(s, "CREATE TABLE public.scratch (x int)");
            assertRefused(s, "CREATE SCHEMA scratch");
            assertThat(owner.queryForObject("SELECT has_table_privilege(?, 'released.cell', 'INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER')",
                    Boolean.class, bi)).isFalse();
            assertRefused(s, "SELECT etl.add_reader_login('escalated', 'x-0123456789abcdef', 'analyst')");
            assertRefused(s, "SET ROLE " + db.name() + "_analyst");
            assertRefused(s, "COPY (SELECT 1) TO '/tmp/reader-tier-copy'");
        }
    }

    @Test
    void aReaderHoldingEveryLockItCanGetStopsNoRunButASecondRealRunIsStillRefused() throws Exception {
        Path inbox = work.resolve("inbox");
        ExportCsv.create().add(row("HAL-70", "01-03-2024 09:00")).write(inbox.resolve("a.csv"));
        long runLockOid = owner.queryForObject("SELECT 'etl.run_lock'::regclass::oid", Long.class);
        long factsOid = owner.queryForObject("SELECT 'dw.fact_request'::regclass::oid", Long.class);
        // Migrated by a superuser, the warehouse took the advisory-lock functions from PUBLIC (V12)…
        assertThat(owner.queryForObject("SELECT has_function_privilege(?, 'pg_advisory_lock(bigint)', 'EXECUTE')", Boolean.class, bi))
                .isFalse();
        // …which a non-superuser migration cannot do. Give them back, so that the run lock itself is what is tested.
        owner.execute("GRANT EXECUTE ON FUNCTION pg_advisory_lock(bigint), pg_try_advisory_lock(bigint), pg_advisory_lock_shared(bigint), "
                + "pg_advisory_xact_lock(bigint), pg_try_advisory_lock(integer, integer) TO PUBLIC");
        List<String> refused = new ArrayList<>();
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // Everything a reader might try in order to hold something a run needs; each in a savepoint,
            // so that whatever succeeds stays held in the open transaction below.
            for (String attempt : List.of(
                    "SELECT pg_advisory_lock(" + OLD_RUN_LOCK_KEY + ")",
                    "SELECT pg_try_advisory_lock(" + OLD_RUN_LOCK_KEY + ")",
                    "SELECT pg_advisory_lock_shared(" + OLD_RUN_LOCK_KEY + ")",
                    "SELECT pg_advisory_xact_lock(" + OLD_RUN_LOCK_KEY + ")",
                    "SELECT pg_try_advisory_lock(1, 2)",
                    "LOCK TABLE etl.run_lock IN ACCESS SHARE MODE",
                    "LOCK TABLE etl.run_lock IN ACCESS EXCLUSIVE MODE NOWAIT",
                    "SELECT * FROM etl.run_lock FOR UPDATE",
                    "SELECT * FROM released.cell FOR UPDATE",
                    "LOCK TABLE released.cell IN ACCESS EXCLUSIVE MODE",
                    "SELECT pg_relation_size(" + runLockOid + "), pg_table_size(" + factsOid + ")",
                    "SELECT * FROM released.cell")) {
                s.execute("SAVEPOINT attempt");
                try {
                    s.execute(attempt);
                    s.execute("RELEASE SAVEPOINT attempt");
                } catch (SQLException e) {
                    refused.add(attempt);
                    s.execute("ROLLBACK TO SAVEPOINT attempt");
                }
            }
            assertThat(refused).as("refused to the reader").contains("LOCK TABLE etl.run_lock IN ACCESS SHARE MODE",
                    "SELECT * FROM etl.run_lock FOR UPDATE", "SELECT * FROM released.cell FOR UPDATE",
                    "LOCK TABLE released.cell IN ACCESS EXCLUSIVE MODE")
                    .doesNotContain("SELECT pg_advisory_lock(" + OLD_RUN_LOCK_KEY + ")");   // it holds the key runs used to take

            // The reader sits in its transaction with whatever it got; the nightly load and run go ahead.
            Cli.Result load = Cli.run(db, "load", "--inbox", inbox.toString());
            assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCode.OK);
            assertThat(owner.queryForObject("SELECT count(*) FROM dw.fact_request", Long.class)).isEqualTo(1);
            // (run, report and restart take the same WarehouseLock: RunCommand.once, NightlyRunTest.)
            c.rollback();
        }

        // A real second run still finds the warehouse busy, and is told who holds it.
        SingleConnectionDataSource other = new SingleConnectionDataSource(db.url() + "&ApplicationName=the-other-run", "postgres", "", true);
        try (WarehouseLock held = WarehouseLock.acquire(other)) {
            Cli.Result busy = Cli.run(db, "load", "--inbox", inbox.toString());
            assertThat(busy.exitCode()).as(busy.toString()).isEqualTo(ExitCode.BUSY);
            assertThat(busy.err()).contains("Another run is working on this warehouse").contains("the-other-run");
        } finally {
            other.destroy();
        }
    }

    @Test
    void everyReaderLoginHasItsConnectionLimitAndStatementTimeout() throws SQLException {
        String login = newLogin("reader");
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(db.connectAs(login, PASSWORD));
            }
            try (Statement s = open.get(0).createStatement()) {
                assertThat(rows(s, "SHOW statement_timeout")).containsExactly("5min");
            }
            assertThatThrownBy(() -> db.connectAs(login, PASSWORD).close()).as("a fifth connection")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }

        // A login given the tier by hand, past the function, gets the limits at the next migration.
        String byHand = "by_hand_" + ProcessHandle.current().pid() + "_" + LOGINS.incrementAndGet();
        owner.execute("CREATE ROLE " + byHand + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE " + db.name() + "_reader");
        owner.queryForObject("SELECT etl.apply_reader_limits()", Integer.class);
        assertThat(owner.queryForObject("SELECT rolconnlimit FROM pg_roles WHERE rolname = ?", Integer.class, byHand)).isEqualTo(4);
        try (Connection c = db.connectAs(byHand, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "SHOW statement_timeout")).containsExactly("5min");
        }
    }

    @Test
    void theTierNamesAndLimitsAreConfigurable() throws SQLException {
        TestDatabase configured = TestDatabase.create();
        String readerRole = "dashboards_" + ProcessHandle.current().pid();
        List<String> variables = List.of("WAREHOUSE_READER_ROLE", "WAREHOUSE_READER_STATEMENT_TIMEOUT", "WAREHOUSE_READER_CONNECTION_LIMIT");
        // application.yml reads these from the environment; system properties stand in for it here.
        System.setProperty("WAREHOUSE_READER_ROLE", readerRole);
        System.setProperty("WAREHOUSE_READER_STATEMENT_TIMEOUT", "1s");
        System.setProperty("WAREHOUSE_READER_CONNECTION_LIMIT", "2");
        try {
            Cli.Result status = Cli.run(configured, "status");
            assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.OK);
        } finally {
            variables.forEach(System::clearProperty);
        }
        JdbcTemplate admin = configured.jdbc();
        assertThat(admin.queryForList("SELECT rolname FROM pg_roles WHERE rolname IN (?, ?, ?) ORDER BY 1", String.class,
                readerRole, configured.name() + "_reader", configured.name() + "_analyst"))
                .containsExactly(readerRole, configured.name() + "_analyst");
        String login = "dash_" + ProcessHandle.current().pid() + "_" + LOGINS.incrementAndGet();
        admin.queryForObject("SELECT etl.add_reader_login(?, ?)", String.class, login, PASSWORD);
        try (Connection first = configured.connectAs(login, PASSWORD); Connection second = configured.connectAs(login, PASSWORD);
             Statement s = first.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(3)")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014"));
            assertThatThrownBy(() -> configured.connectAs(login, PASSWORD).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
            assertThat(second.isValid(2)).isTrue();
        }
        // …and a login of this warehouse reaches no other warehouse on the server.
        assertThatThrownBy(() -> db.connectAs(login, PASSWORD).close()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> configured.connectAs(bi, PASSWORD).close()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    @Test
    void aBadTierSettingIsRefusedBeforeAnythingIsMigrated() {
        TestDatabase untouched = TestDatabase.create();
        System.setProperty("WAREHOUSE_READER_ROLE", "bi'; DROP SCHEMA dw CASCADE; --");
        try {
            Cli.Result status = Cli.run(untouched, "status");
            assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(status.err()).contains("WAREHOUSE_READER_ROLE must be a role name");
        } finally {
            System.clearProperty("WAREHOUSE_READER_ROLE");
        }
        assertThat(untouched.jdbc().queryForObject("SELECT to_regclass('etl.flyway_schema_history') IS NULL", Boolean.class)).isTrue();
    }

    @Test
    void theOldServerWideReaderRoleLosesAWarehouseThatIsUpgraded() throws Exception {
        TestDatabase earlier = TestDatabase.create();
        String url = earlier.url();
        nl.helpline.warehouse.warehouse.EarlierWarehouses.migrate(url);
        String oldLogin = "old_bi_" + ProcessHandle.current().pid() + "_" + LOGINS.incrementAndGet();
        earlier.jdbc().execute("CREATE ROLE " + oldLogin + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE warehouse_reader");
        try (Connection c = earlier.connectAs(oldLogin, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT count(*) FROM mart.request")).containsExactly("0");   // what it could do before
        }
        Cli.Result upgrade = Cli.run(earlier, "status");
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCode.OK);
        assertThatThrownBy(() -> earlier.connectAs(oldLogin, PASSWORD).close()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(earlier.jdbc().queryForObject("SELECT has_schema_privilege('warehouse_reader', 'mart', 'USAGE') "
                + "OR has_table_privilege('warehouse_reader', 'mart.request', 'SELECT') "
                + "OR has_database_privilege('public', current_database(), 'CONNECT')", Boolean.class)).isFalse();
    }

    private static void assertRefused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501"));
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
