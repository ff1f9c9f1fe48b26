package nl.helpline.warehouse.security;

import static nl.helpline.warehouse.support.ExportCsv.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import nl.helpline.warehouse.cli.ExitCode;
import nl.helpline.warehouse.support.Catalog;
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

    /**
     * Three releases (2024-H1 twice, 2024-H2), with suppressed cells and members (a row per request), and a draft, inserted
     * as the warehouse's owner the way the release command records them. Threshold 30 and every number chosen so
     * that no suppressed cell's true count (SUPPRESSED) and no number of the draft (DRAFT_ONLY) equals any other
     * number shown anywhere. Work domain's base (PROFESSIONAL) is suppressed, yet its cells carry the true base
     * and a percentage of it, as a careless release could store them: the views must not show either.
     */
    private static final String RELEASES = """
            INSERT INTO report.release (release_id, definition_name, period_label, period_start, period_end, version, threshold,
                zeros_sensitive, released_at, released_by, data_as_of, data_state, members) OVERRIDING SYSTEM VALUE VALUES
                (801, 'helpline', '2024-H1', '2024-01-01', '2024-06-30', 1, 30, false, '2024-07-15 10:00+02', 'jjansen',
                    '2024-07-02 16:45', 'export-a.csv', 311),
                (802, 'helpline', '2024-H1', '2024-01-01', '2024-06-30', 2, 30, false, '2024-09-01 23:30+00', 'jjansen',
                    '2024-08-28 11:05', 'export-b.csv', 312),
                (803, 'helpline', '2024-H2', '2024-07-01', '2024-12-31', 1, 30, false, '2025-01-20 09:00+01', 'schedule',
                    '2025-01-08 14:20', 'export-c.csv', 95);
            INSERT INTO report.release_file VALUES
                (801, 'nl', 'helpline-2024-H1.xlsx', 'aa', 'helpline-2024-H1.cells.csv', 'ab'),
                (801, 'en', 'helpline-2024-H1.en.xlsx', 'ac', 'helpline-2024-H1.en.cells.csv', 'ad'),
                (802, 'nl', 'helpline-2024-H1.v2.xlsx', 'ae', 'helpline-2024-H1.v2.cells.csv', 'af'),
                (803, 'nl', 'helpline-2024-H2.xlsx', 'ba', 'helpline-2024-H2.cells.csv', 'bb');
            INSERT INTO report.release_table (release_id, table_id, dimension, table_order, title_nl, title_en, base_cell, adds_up) VALUES
                (801, 'total', 'total', 1, 'Totaal aantal afgesloten verzoeken', 'Total closed requests', 'total.TOTAL', true),
                (801, 'requester', 'requester_type', 2, 'Professioneel versus niet-professioneel', 'Professional versus not professional', 'total.TOTAL', true),
                (801, 'work_domain', 'work_domain', 3, 'Werkterreinen van de professionals', 'Work domains of the professionals', 'requester.PROFESSIONAL', true),
                (801, 'phenomenon', 'phenomenon', 4, 'Verschijningsvormen en fenomenen', 'Phenomena', 'total.TOTAL', false),
                (802, 'total', 'total', 1, 'Totaal aantal afgesloten verzoeken', 'Total closed requests', 'total.TOTAL', true),
                (802, 'requester', 'requester_type', 2, 'Professioneel versus niet-professioneel', 'Professional versus not professional', 'total.TOTAL', true),
                (803, 'total', 'total', 1, 'Totaal aantal afgesloten verzoeken', 'Total closed requests', 'total.TOTAL', true),
                (803, 'requester', 'requester_type', 2, 'Professioneel versus niet-professioneel', 'Professional versus not professional', 'total.TOTAL', true);
            INSERT INTO report.release_cell (release_id, table_id, category, status, published_count, published_percent, base_count,
                true_count, revised, row_order) VALUES
                (801, 'total', 'TOTAL', 'published', 311, NULL, 311, 311, false, 1),
                (801, 'requester', 'PROFESSIONAL', 'secondary', NULL, NULL, 311, 288, false, 1),
                (801, 'requester', 'CITIZEN', 'primary', NULL, NULL, 311, 23, false, 2),
                (801, 'requester', 'UNKNOWN', 'published', 0, 0.0, 311, 0, false, 3),
                (801, 'work_domain', 'SECURITY', 'primary', NULL, NULL, 288, 29, false, 1),
                (801, 'work_domain', 'EDUCATION', 'published', 211, 73.3, 288, 211, false, 2),
                (801, 'work_domain', 'OTHER', 'secondary', NULL, NULL, 288, 48, false, 3),
                (801, 'phenomenon', 'JIHADISM', 'published', 154, 49.5, 311, 154, false, 1),
                (801, 'phenomenon', 'RIGHT_WING', 'published', 181, 58.2, 311, 181, false, 2),
                (801, 'phenomenon', 'LEFT_WING', 'primary', NULL, NULL, 311, 17, false, 3),
                (802, 'total', 'TOTAL', 'published', 312, NULL, 312, 312, true, 1),
                (802, 'requester', 'PROFESSIONAL', 'secondary', NULL, NULL, 312, 289, false, 1),
                (802, 'requester', 'CITIZEN', 'primary', NULL, NULL, 312, 23, false, 2),
                (802, 'requester', 'UNKNOWN', 'published', 0, 0.0, 312, 0, false, 3),
                (803, 'total', 'TOTAL', 'published', 95, NULL, 95, 95, false, 1),
                (803, 'requester', 'PROFESSIONAL', 'secondary', NULL, NULL, 95, 76, false, 1),
                (803, 'requester', 'CITIZEN', 'primary', NULL, NULL, 95, 19, false, 2);
            INSERT INTO report.release_record VALUES (sha256('total.TOTAL'), ARRAY['total.TOTAL']);
            INSERT INTO report.release_member SELECT 801, i, sha256('total.TOTAL') FROM generate_series(1, 311) i;
            INSERT INTO report.release_member SELECT 802, i, sha256('total.TOTAL') FROM generate_series(1, 312) i;
            INSERT INTO report.release_member SELECT 803, 1000 + i, sha256('total.TOTAL') FROM generate_series(1, 95) i;
            INSERT INTO report.publication (publication_id, definition_name, period_label, period_start, period_end, language,
                threshold, file_name, file_sha256, audit_passed, cells_suppressed, count_suppressed)
            OVERRIDING SYSTEM VALUE VALUES (901, 'helpline', '2025-H1', '2025-01-01', '2025-06-30', 'nl', 30,
                'helpline-2025-H1.concept.xlsx', 'ca', true, 1, 7777);
            INSERT INTO report.published_cell VALUES
                (901, 'total', 'TOTAL', 'published', 4242, NULL, 4242),
                (901, 'requester', 'CITIZEN', 'primary', NULL, NULL, 7777);
            """;
    /** The true counts of the releases' suppressed cells. */
    private static final Set<Long> SUPPRESSED = Set.of(288L, 23L, 29L, 48L, 17L, 289L, 76L, 19L);
    /** Numbers only a draft holds. */
    private static final Set<Long> DRAFT_ONLY = Set.of(4242L, 7777L);

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
        owner.execute(RELEASES);
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
            assertThat(rows(s, "SELECT category || '=' || shown_as FROM released.cell WHERE release_id = 803 ORDER BY table_order, row_order"))
                    .containsExactly("TOTAL=95", "PROFESSIONAL=[c]", "CITIZEN=< 30");
            List<String> everythingElse = owner.queryForList("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') "
                    + "AND n.nspname NOT IN ('released', 'pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1", String.class);
            assertThat(everythingElse).contains("mart.request", "dw.fact_request", "etl.pseudonym_key", "etl.request_id_salt",
                    "etl.run_lock", "report.publication", "report.published_cell", "report.release", "report.release_cell",
                    "report.release_member", "report.release_record", "batch.batch_job_execution", "staging.request_row");
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
    void theReaderCanReadTheReleasedViewsAndCallNothingOfOurs() throws SQLException {
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, Catalog.READABLE_RELATIONS)).containsExactly("released.cell", "released.release");
            assertThat(rows(s, Catalog.CALLABLE_FUNCTIONS)).isEmpty();
            assertThat(rows(s, "SELECT nspname FROM pg_namespace WHERE has_schema_privilege(oid, 'USAGE') "
                    + "AND nspname IN ('mart', 'dw', 'etl', 'report', 'staging', 'batch', 'released') ORDER BY 1")).containsExactly("released");
        }
        // What the two views read: the released tables and the code list; no draft, no member, no request.
        assertThat(owner.queryForList(Catalog.TABLES_BEHIND_VIEWS, String.class, "released")).containsExactly(
                "dw.code_list", "report.release", "report.release_cell", "report.release_file", "report.release_table");
    }

    @Test
    void noValueTheReaderCanReadIsATrueCountOfASuppressedCellOrANumberOfADraft() throws SQLException {
        Pattern number = Pattern.compile("\\d+(\\.\\d+)?");
        int values = 0;
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            List<String> readable = rows(s, Catalog.READABLE_RELATIONS);
            for (String relation : readable) {
                List<Map<String, String>> all = table(s, "SELECT * FROM " + relation);
                assertThat(all).as(relation).isNotEmpty();
                // Nothing at request level: fewer rows than the smallest release counted requests (95), no such column.
                assertThat(all).as(relation).hasSizeLessThan(95);
                assertThat(all.get(0).keySet()).as(relation)
                        .noneMatch(column -> column.matches(".*(request|member|record|true|pseudonym|released_by|data_state).*"));
                for (Map<String, String> row : all) {
                    for (Map.Entry<String, String> value : row.entrySet()) {
                        if (value.getValue() == null) {
                            continue;
                        }
                        Matcher m = number.matcher(value.getValue());
                        while (m.find()) {
                            values++;
                            long whole = new BigDecimal(m.group()).stripTrailingZeros().scale() <= 0
                                    ? new BigDecimal(m.group()).longValueExact() : -1;
                            assertThat(SUPPRESSED).as("%s.%s = %s in %s", relation, value.getKey(), value.getValue(), row).doesNotContain(whole);
                            assertThat(DRAFT_ONLY).as("%s.%s = %s in %s", relation, value.getKey(), value.getValue(), row).doesNotContain(whole);
                        }
                    }
                }
            }
        }
        assertThat(values).as("numbers looked at").isGreaterThan(200);
        // Nor through a percentage: count / percentage is the base, which may be suppressed.
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT round(published_count * 100 / published_percent)::bigint FROM released.cell WHERE published_percent > 0"))
                    .isNotEmpty().allSatisfy(base -> assertThat(SUPPRESSED).doesNotContain(Long.parseLong(base)));
        }
    }

    @Test
    void theReleasedCellsAreWhatTheWorkbooksShow() throws SQLException {
        try (Connection c = db.connectAs(bi, PASSWORD); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT concat_ws(' ', release_id, definition_name, period_label, period_start, period_end, version, is_current, "
                    + "released_on, data_as_of, threshold, file_name_nl, file_name_en) FROM released.release ORDER BY release_id")).containsExactly(
                    "801 helpline 2024-H1 2024-01-01 2024-06-30 1 f 2024-07-15 2024-07-02 16:45:00 30 helpline-2024-H1.xlsx helpline-2024-H1.en.xlsx",
                    "802 helpline 2024-H1 2024-01-01 2024-06-30 2 t 2024-09-02 2024-08-28 11:05:00 30 helpline-2024-H1.v2.xlsx",
                    "803 helpline 2024-H2 2024-07-01 2024-12-31 1 t 2025-01-20 2025-01-08 14:20:00 30 helpline-2024-H2.xlsx");
            List<Map<String, String>> h1 = table(s, "SELECT * FROM released.cell WHERE release_id = 801 ORDER BY table_order, row_order");
            assertThat(h1).extracting(row -> String.join("|", row.get("table_id"), row.get("table_order"), row.get("category"),
                    row.get("row_order"), row.get("label_nl"), row.get("label_en"), row.get("shown_as"),
                    String.valueOf(row.get("published_count")), String.valueOf(row.get("published_percent")),
                    String.valueOf(row.get("base_count")), String.valueOf(row.get("base_shown_as")), row.get("status"), row.get("revised"),
                    row.get("is_current"), row.get("version"), row.get("period_label"))).containsExactly(
                    "total|1|TOTAL|1|Totaal|Total|311|311|null|311|311|published|f|f|1|2024-H1",
                    "requester|2|PROFESSIONAL|1|Professional|Professional|[c]|null|null|311|311|suppressed|f|f|1|2024-H1",
                    "requester|2|CITIZEN|2|Niet-professional (burger)|Not professional (citizen)|< 30|null|null|311|311|suppressed|f|f|1|2024-H1",
                    "requester|2|UNKNOWN|3|Onbekend|Unknown|0|0|0.0|311|311|published|f|f|1|2024-H1",
                    // The base (PROFESSIONAL) is suppressed: no base and no percentage, whatever the release stored.
                    "work_domain|3|SECURITY|1|Veiligheidsdomein|Security|< 30|null|null|null|[c]|suppressed|f|f|1|2024-H1",
                    "work_domain|3|EDUCATION|2|Onderwijs|Education|211|211|null|null|[c]|published|f|f|1|2024-H1",
                    "work_domain|3|OTHER|3|Overig|Other|[c]|null|null|null|[c]|suppressed|f|f|1|2024-H1",
                    "phenomenon|4|JIHADISM|1|Jihadisme|Jihadism|154|154|49.5|311|311|published|f|f|1|2024-H1",
                    "phenomenon|4|RIGHT_WING|2|Rechts-extremisme|Right-wing extremism|181|181|58.2|311|311|published|f|f|1|2024-H1",
                    "phenomenon|4|LEFT_WING|3|Links-extremisme|Left-wing extremism|< 30|null|null|311|311|suppressed|f|f|1|2024-H1");
            assertThat(h1.get(4)).containsEntry("table_title_nl", "Werkterreinen van de professionals")
                    .containsEntry("table_title_en", "Work domains of the professionals").containsEntry("dimension", "work_domain");
            // The current version of each period: the correction of 2024-H1 (its total revised, [r]) and 2024-H2.
            assertThat(rows(s, "SELECT period_label || ' v' || version || ' ' || category || '=' || shown_as || (CASE WHEN revised THEN ' [r]' ELSE '' END) "
                    + "FROM released.cell WHERE is_current AND table_id IN ('total', 'requester') ORDER BY period_label, table_order, row_order"))
                    .containsExactly("2024-H1 v2 TOTAL=312 [r]", "2024-H1 v2 PROFESSIONAL=[c]", "2024-H1 v2 CITIZEN=< 30", "2024-H1 v2 UNKNOWN=0",
                            "2024-H2 v1 TOTAL=95", "2024-H2 v1 PROFESSIONAL=[c]", "2024-H2 v1 CITIZEN=< 30");
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
        String analyst = newLogin("analyst");
        assertThatThrownBy(() -> configured.connectAs(analyst, PASSWORD).close()).as("an analyst of the first warehouse")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(admin.queryForObject("SELECT has_database_privilege(?, current_database(), 'CONNECT') "
                + "OR has_database_privilege(?, current_database(), 'CONNECT') OR has_schema_privilege(?, 'released', 'USAGE') "
                + "OR has_schema_privilege(?, 'mart', 'USAGE')", Boolean.class, bi, analyst, bi, analyst)).isFalse();
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

    /** Rows as text, the way a BI tool would show them (booleans as t/f, dates as yyyy-mm-dd). */
    private static List<Map<String, String>> table(Statement s, String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
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
